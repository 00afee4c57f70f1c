package io.camrig.service.rig;

import java.util.Map;

/**
 * One camera as the console's tile shows it; a snapshot, rebuilt when the camera changes.
 *
 * @param index          1-based position in the rig
 * @param name           advertised BLE name, e.g. {@code GoPro 0003}
 * @param node           the host the camera hangs off ({@code local} on a single-host rig)
 * @param serial         serial number (Get Hardware Info), or {@code null} before it was read
 * @param model          model name, e.g. {@code HERO12 Black}, or {@code null}
 * @param link           {@code connected}, {@code reconnecting}, {@code down} (link lost) or {@code failed}
 * @param healthy        {@code false} once a step failed; the camera then sits out until recovered
 * @param batteryPercent status 70, %, or {@code null} when unknown
 * @param sdRemainingGb  status 54 (kB) in GB (10^9 bytes), or {@code null}
 * @param videoRemainingMinutes status 35 (s) in minutes at the current settings, or {@code null}
 * @param overheating    status 6
 * @param cold           status 85
 * @param busy           status 8
 * @param encoding       status 10
 * @param presetGroup    status 96 (1000 video, 1001 photo, 1002 time lapse), or {@code null}
 * @param settings       key settings, snake_case name → option name ({@code video_resolution → 1080})
 * @param latencyMs      estimated one-way BLE latency, ms, or {@code null} before a sample
 * @param reconnects     how many times the link was re-established
 * @param lastError      the failure that took the camera out, or the link loss, else {@code null}
 */
public record CameraView(int index, String name, String node, String serial, String model, String link,
                         boolean healthy, Long batteryPercent, Double sdRemainingGb, Long videoRemainingMinutes,
                         boolean overheating, boolean cold, boolean busy, boolean encoding, Long presetGroup,
                         Map<String, String> settings, Double latencyMs, long reconnects, ErrorView lastError) {
}
