package io.camrig.http.model;

import java.util.Objects;

/**
 * What {@code GET /gopro/camera/info} ({@code OGP_CAMERA_INFO}) reports about the camera.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when the serial number is empty.
 *
 * @param modelName model name as the camera spells it, for example {@code "Hero12 Black"}
 * @param modelNumber model id, for example 62 (HERO12 Black); cameras send it as a string
 * @param firmwareVersion firmware version, for example {@code "H23.01.01.10.00"}
 * @param serialNumber serial number, for example {@code "C3501324645504"}; never empty
 * @param apSsid the camera's Wi-Fi AP SSID, {@code ""} when absent
 * @param apMacAddress the AP's MAC address as 12 hex digits, {@code ""} when absent
 */
public record CameraInfo(String modelName, int modelNumber, String firmwareVersion, String serialNumber,
        String apSsid, String apMacAddress) {

    public CameraInfo {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(apSsid, "apSsid");
        Objects.requireNonNull(apMacAddress, "apMacAddress");
        if (serialNumber.isEmpty()) {
            throw new IllegalArgumentException("serial number must not be empty");
        }
    }
}
