package io.camrig.simulator.camera;

import io.camrig.proto.message.HardwareInfo;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Who a virtual camera is.
 *
 * @param index      1-based position in the rig
 * @param model      the model it impersonates
 * @param serial     14-character serial number starting with the model's prefix
 * @param address    its BLE address (a locally administered MAC)
 * @param apSsid     its Wi-Fi AP SSID
 * @param apPassword its Wi-Fi AP password (a secret: never printed by {@link #toString()})
 */
public record CameraIdentity(int index, SimulatedModel model, String serial, String address, String apSsid,
                             String apPassword) {

    public CameraIdentity {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(apSsid, "apSsid");
        Objects.requireNonNull(apPassword, "apPassword");
    }

    /**
     * Derives a deterministic identity for camera {@code index} of a rig seeded with {@code seed}.
     * The serial ends with the index on four digits, so camera 3 advertises {@code "GoPro 0003"}.
     */
    public static CameraIdentity generate(int index, SimulatedModel model, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        // Six seeded digits, then the index: advertised names ("GoPro 0003") sort in rig order.
        String digits = String.format("%06d%04d", Math.floorMod(random.nextLong(), 1_000_000L), index % 10_000);
        String serial = model.serialPrefix() + digits;
        String address = String.format("02:CA:00:00:%02X:%02X", (index >> 8) & 0xFF, index & 0xFF);
        String ssid = "GP" + serial.substring(Math.max(0, serial.length() - 8));
        String[] words = {"Reef", "Summit", "Canyon", "Glacier", "Dune", "Harbor", "Ridge", "Delta"};
        String password = words[random.nextInt(words.length)] + "-" + (100 + random.nextInt(900)) + "-"
                + words[random.nextInt(words.length)];
        return new CameraIdentity(index, model, serial, address, ssid, password);
    }

    /** The advertised BLE name: {@code "GoPro "} and the last four digits of the serial. */
    public String bleName() {
        return "GoPro " + (serial.length() < 4 ? serial : serial.substring(serial.length() - 4));
    }

    /** Its MAC address as the camera reports it: the BLE address without colons, in lower case. */
    String macAddress() {
        return address.replace(":", "").toLowerCase();
    }

    /** Its answer to Get Hardware Info: model id and name, firmware, serial, AP SSID and {@link #macAddress()}. */
    HardwareInfo hardwareInfo() {
        return new HardwareInfo(model.modelId(), model.displayName(), model.firmwareVersion(), serial, apSsid,
                macAddress());
    }

    @Override
    public String toString() {
        return "CameraIdentity[" + index + " " + model.displayName() + " " + serial + " " + address + " ssid="
                + apSsid + " password=***]";
    }
}
