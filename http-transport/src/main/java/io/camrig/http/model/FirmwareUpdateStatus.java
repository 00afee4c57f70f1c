package io.camrig.http.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer of the firmware-update endpoints ({@code POST /gp/gpSoftUpdate}, {@code
 * GPCAMERA_FIRMWARE_UPDATE_V2}, and {@code POST /gp/gpUpdate}, {@code
 * GPCAMERA_FWUPDATE_DOWNLOAD_FILE}).
 *
 * @param status the update status ({@code OtaStatus}, 0..12)
 * @param bytesComplete bytes the camera has received ({@code bytes_complete}), when reported
 * @param complete whether the upload is complete, when reported
 * @param message the camera's message, {@code ""} when absent
 * @param sha1 the SHA-1 the camera computed, {@code ""} when absent
 */
public record FirmwareUpdateStatus(int status, OptionalLong bytesComplete, Optional<Boolean> complete,
        String message, String sha1) {
    public FirmwareUpdateStatus {
        Objects.requireNonNull(bytesComplete, "bytesComplete");
        Objects.requireNonNull(complete, "complete");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sha1, "sha1");
    }
}
