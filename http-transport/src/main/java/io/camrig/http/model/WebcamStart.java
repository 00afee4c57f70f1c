package io.camrig.http.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parameters of {@code GET /gopro/webcam/start} ({@code GPCAMERA_WEBCAM_START_OGP}); each is
 * optional and left to the camera when empty. Immutable, with copy-on-write {@code with…}.
 *
 * <p>The constructor throws {@link IllegalArgumentException} on a port outside 1..65535 or another
 * protocol.
 *
 * @param resolution webcam resolution ({@code res}, for example 12 for 1080p)
 * @param fov field of view ({@code fov}, for example 0 wide)
 * @param port UDP port of the stream ({@code port}, camera default 8554)
 * @param protocol {@code "RTSP"} or {@code "TS"} ({@code protocol})
 */
public record WebcamStart(OptionalInt resolution, OptionalInt fov, OptionalInt port, Optional<String> protocol) {

    public WebcamStart {
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(fov, "fov");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(protocol, "protocol");
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65_535)) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port.getAsInt());
        }
        if (protocol.isPresent() && !protocol.get().equals("RTSP") && !protocol.get().equals("TS")) {
            throw new IllegalArgumentException("protocol must be RTSP or TS, was " + protocol.get());
        }
    }

    /** Everything left to the camera. */
    public static WebcamStart defaults() {
        return new WebcamStart(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty());
    }

    public WebcamStart withResolution(int res) {
        return new WebcamStart(OptionalInt.of(res), fov, port, protocol);
    }

    public WebcamStart withFov(int f) {
        return new WebcamStart(resolution, OptionalInt.of(f), port, protocol);
    }

    public WebcamStart withPort(int p) {
        return new WebcamStart(resolution, fov, OptionalInt.of(p), protocol);
    }

    public WebcamStart withProtocol(String p) {
        return new WebcamStart(resolution, fov, port, Optional.of(p));
    }
}
