package io.camrig.http.model;

/**
 * The webcam's state, from {@code GET /gopro/webcam/status} ({@code GPCAMERA_WEBCAM_STATUS_OGP}).
 *
 * @param status 0 off, 1 idle, 2 high-power preview, 3 low-power preview, 4 unavailable
 * @param error 0 none, 1 set preset, 2 set window size, 3 exec stream, 4 shutter, 5 com timeout,
 *     6 invalid param, 7 unavailable, 8 exit
 */
public record WebcamStatus(int status, int error) {
    /** Status 0: webcam off. */
    public static final int OFF = 0;
    /** Status 1: idle, ready to start. */
    public static final int IDLE = 1;
    /** Status 2: streaming (high-power preview). */
    public static final int HIGH_POWER_PREVIEW = 2;
    /** Status 3: low-power preview. */
    public static final int LOW_POWER_PREVIEW = 3;

    /** {@code true} while streaming (status 2 or 3). */
    public boolean streaming() {
        return status == HIGH_POWER_PREVIEW || status == LOW_POWER_PREVIEW;
    }
}
