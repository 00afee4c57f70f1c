package io.camrig.proto.id;

/**
 * The one-byte command status in every TLV command, setting and query response (byte 1 of the
 * payload). Source: Open GoPro BLE spec, "Data Protocol" / "Command Response".
 *
 * @param code the raw status byte, 0..255
 */
public record TlvStatus(int code) {
    public static final TlvStatus SUCCESS = new TlvStatus(0);
    public static final TlvStatus ERROR = new TlvStatus(1);
    public static final TlvStatus INVALID_PARAMETER = new TlvStatus(2);

    public TlvStatus {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("status is one byte, got " + code);
        }
    }

    public static TlvStatus of(int code) {
        return switch (code) {
            case 0 -> SUCCESS;
            case 1 -> ERROR;
            case 2 -> INVALID_PARAMETER;
            default -> new TlvStatus(code);
        };
    }

    public boolean isSuccess() {
        return code == 0;
    }

    /** {@code success}, {@code error}, {@code invalid_parameter} or {@code reserved_N}. */
    public String label() {
        return switch (code) {
            case 0 -> "success";
            case 1 -> "error";
            case 2 -> "invalid_parameter";
            default -> "reserved_" + code;
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
