package io.camrig.proto.message;

import io.camrig.proto.error.MalformedMessageException;
import java.util.Objects;

/**
 * The response to Get Hardware Info (command 0x3C): which camera this is.
 *
 * <p>Layout of the command response payload (after the command id and status bytes), every field
 * length-prefixed by one unsigned byte:
 * <pre>
 * [n][model_number: unsigned big-endian, n bytes]   e.g. 04 00 00 00 3E = 62 (HERO12 Black)
 * [n][model_name: UTF-8]                            e.g. "HERO12 Black"
 * [n][deprecated: n bytes, ignored]
 * [n][firmware_version: UTF-8]                      e.g. "H23.01.01.99.56"
 * [n][serial_number: UTF-8]                         e.g. "C3501324500702"
 * [n][ap_ssid: UTF-8]                               e.g. "GP24500702"
 * [n][ap_mac_address: UTF-8, 12 hex digits]         e.g. "2674f7f66104"
 * [reserved: usually 11 bytes, ignored]
 * </pre>
 * Model numbers are the camera ids of the spec's Supported Cameras table (references.json
 * {@code cameras[*].id}).
 *
 * <p>Source: Open GoPro BLE spec, "Query" / "Get Hardware Info" (features/query.html).
 *
 * @param modelNumber     the camera model id, for example 62 for HERO12 Black; 0 or more
 * @param modelName       the model name, for example {@code "HERO12 Black"}
 * @param firmwareVersion the firmware version, for example {@code "H23.01.01.99.56"}
 * @param serialNumber    the serial number
 * @param apSsid          the SSID of the camera's Wi-Fi access point
 * @param apMacAddress    the MAC address of the access point, as the camera spells it
 */
public record HardwareInfo(int modelNumber, String modelName, String firmwareVersion, String serialNumber,
                           String apSsid, String apMacAddress) {
    public HardwareInfo {
        if (modelNumber < 0) {
            throw new IllegalArgumentException("model number is unsigned, got " + modelNumber);
        }
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(apSsid, "apSsid");
        Objects.requireNonNull(apMacAddress, "apMacAddress");
    }

    /**
     * Parses a Get Hardware Info response payload. Trailing reserved bytes are ignored.
     *
     * @param payload the bytes after the command id and status
     * @return the hardware info
     * @throws MalformedMessageException when a field runs past the end, the model number does not fit
     *                                   an int, or a string is not UTF-8
     */
    public static HardwareInfo parse(byte[] payload) {
        PayloadReader r = new PayloadReader(payload, "hardware info");
        int model = r.lengthPrefixedInt("model_number");
        String name = r.lengthPrefixedString("model_name");
        r.skipLengthPrefixed("deprecated");
        String firmware = r.lengthPrefixedString("firmware_version");
        String serial = r.lengthPrefixedString("serial_number");
        String ssid = r.lengthPrefixedString("ap_ssid");
        String mac = r.lengthPrefixedString("ap_mac_address");
        return new HardwareInfo(model, name, firmware, serial, ssid, mac);
    }

    /**
     * Encodes the payload as a camera sends it: a 4-byte model number, an empty deprecated field and
     * no reserved bytes.
     *
     * @throws IllegalArgumentException when a string is longer than 255 UTF-8 bytes
     */
    public byte[] encode() {
        return new PayloadWriter()
                .lengthPrefixedInt(modelNumber, 4)
                .lengthPrefixedString("modelName", modelName)
                .uint8(0)
                .lengthPrefixedString("firmwareVersion", firmwareVersion)
                .lengthPrefixedString("serialNumber", serialNumber)
                .lengthPrefixedString("apSsid", apSsid)
                .lengthPrefixedString("apMacAddress", apMacAddress)
                .toByteArray();
    }
}
