package io.camrig.simulator.http;

import io.camrig.simulator.camera.SimulatedModel;
import java.util.Arrays;
import java.util.Objects;

/**
 * Who a virtual camera says it is over HTTP ({@code GET /gopro/camera/info}).
 *
 * @param serial the serial number, for example {@code C3501460050001}
 * @param model the model it impersonates
 * @param apSsid its Wi-Fi AP SSID
 * @param apMacAddress its AP MAC address, 12 lower-case hex digits
 */
public record HttpCameraIdentity(String serial, SimulatedModel model, String apSsid, String apMacAddress) {

    public HttpCameraIdentity {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apSsid, "apSsid");
        Objects.requireNonNull(apMacAddress, "apMacAddress");
    }

    /**
     * Derives an identity from a serial number: the model from its prefix (HERO12 Black when no
     * model matches), the SSID {@code GP} + the serial's last 8 characters (as the simulator's
     * cameras name their AP), a MAC from the serial's hash.
     */
    public static HttpCameraIdentity fromSerial(String serial) {
        Objects.requireNonNull(serial, "serial");
        SimulatedModel model = Arrays.stream(SimulatedModel.values())
                .filter(m -> serial.startsWith(m.serialPrefix()))
                .findFirst().orElse(SimulatedModel.HERO12_BLACK);
        String ssid = "GP" + serial.substring(Math.max(0, serial.length() - 8));
        String mac = String.format("02ca%08x", serial.hashCode());
        return new HttpCameraIdentity(serial, model, ssid, mac);
    }
}
