package io.camrig.proto.gatt;

import java.util.Optional;
import java.util.UUID;

/**
 * The GoPro GATT services and characteristics. {@code GP-XXXX} is shorthand for the 128-bit UUID
 * {@code b5f9XXXX-aa8d-11e3-9046-0002a5d5c51b}; the control and query service is the 16-bit
 * service {@code 0xFEA6}.
 *
 * <p>Source: Open GoPro BLE spec, "BLE Setup" / "BLE Characteristics".
 */
public enum GoProUuid {
    /** Service: GoPro Wi-Fi access point. */
    WIFI_AP_SERVICE(0x0001, Kind.SERVICE),
    /** Read/write: the AP SSID as UTF-8. */
    WIFI_AP_SSID(0x0002, Kind.READ),
    /** Read/write: the AP password as UTF-8 (a secret). */
    WIFI_AP_PASSWORD(0x0003, Kind.READ),
    /** Write: AP power. */
    WIFI_AP_POWER(0x0004, Kind.WRITE),
    /** Read/indicate: AP state. */
    WIFI_AP_STATE(0x0005, Kind.READ),
    /** Service: camera management. */
    CAMERA_MANAGEMENT_SERVICE(0x0090, Kind.SERVICE),
    /** Write: network management command (protobuf). */
    NETWORK_MANAGEMENT_COMMAND(0x0091, Kind.WRITE),
    /** Notify: network management response. */
    NETWORK_MANAGEMENT_RESPONSE(0x0092, Kind.NOTIFY),
    /** Write: command (TLV commands and protobuf). */
    COMMAND(0x0072, Kind.WRITE),
    /** Notify: command response. */
    COMMAND_RESPONSE(0x0073, Kind.NOTIFY),
    /** Write: settings. */
    SETTINGS(0x0074, Kind.WRITE),
    /** Notify: settings response. */
    SETTINGS_RESPONSE(0x0075, Kind.NOTIFY),
    /** Write: query. */
    QUERY(0x0076, Kind.WRITE),
    /** Notify: query response and push notifications. */
    QUERY_RESPONSE(0x0077, Kind.NOTIFY);

    /** The 16-bit control and query service every GoPro advertises. */
    public static final UUID CONTROL_AND_QUERY_SERVICE = UUID.fromString("0000fea6-0000-1000-8000-00805f9b34fb");

    /** What a client does with the characteristic. */
    public enum Kind { SERVICE, READ, WRITE, NOTIFY }

    private final int shortId;
    private final Kind kind;
    private final UUID uuid;

    GoProUuid(int shortId, Kind kind) {
        this.shortId = shortId;
        this.kind = kind;
        this.uuid = UUID.fromString(String.format("b5f9%04x-aa8d-11e3-9046-0002a5d5c51b", shortId));
    }

    /** The full 128-bit UUID. */
    public UUID uuid() {
        return uuid;
    }

    /** The 16-bit id inside the UUID, e.g. {@code 0x0072}. */
    public int shortId() {
        return shortId;
    }

    public Kind kind() {
        return kind;
    }

    /** The spec's shorthand, e.g. {@code "GP-0072"}. */
    public String label() {
        return String.format("GP-%04X", shortId);
    }

    /** For a request characteristic, the characteristic its responses arrive on. */
    public Optional<GoProUuid> responseCharacteristic() {
        return switch (this) {
            case COMMAND -> Optional.of(COMMAND_RESPONSE);
            case SETTINGS -> Optional.of(SETTINGS_RESPONSE);
            case QUERY -> Optional.of(QUERY_RESPONSE);
            case NETWORK_MANAGEMENT_COMMAND -> Optional.of(NETWORK_MANAGEMENT_RESPONSE);
            default -> Optional.empty();
        };
    }

    /** Looks a characteristic up by UUID. */
    public static Optional<GoProUuid> of(UUID uuid) {
        return Optional.ofNullable(BY_UUID.get(uuid));
    }

    /** Looked up for every notification: a map, not a scan of {@code values()} (which copies). */
    private static final java.util.Map<UUID, GoProUuid> BY_UUID;

    static {
        java.util.Map<UUID, GoProUuid> byUuid = new java.util.HashMap<>();
        for (GoProUuid u : values()) {
            byUuid.put(u.uuid, u);
        }
        BY_UUID = java.util.Map.copyOf(byUuid);
    }

    /** Looks a characteristic up by its shorthand, {@code "GP-0072"} (case-insensitive). */
    public static Optional<GoProUuid> ofLabel(String label) {
        for (GoProUuid u : values()) {
            if (u.label().equalsIgnoreCase(label.trim())) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
