package io.camrig.engine.session;

import io.camrig.engine.rig.StepRecord;
import java.util.List;

/**
 * One camera's part of a session.
 *
 * @param index         1-based position in the rig
 * @param name          advertised BLE name
 * @param address       BLE address
 * @param serial        serial number (from hardware info; empty if never read)
 * @param model         model name (from hardware info; empty if never read)
 * @param ok            {@code true} when every step succeeded
 * @param failedStep    the step that failed, or empty
 * @param failure       why it failed (typed error and message; never a secret), or empty
 * @param steps         every step with its outcome and latency
 * @param file          the downloaded file's path (a recording in chapters: its first), or empty
 * @param fileBytes     the downloaded recording's size in bytes (every chapter), or -1
 */
public record CameraReport(int index, String name, String address, String serial, String model, boolean ok,
                           String failedStep, String failure, List<StepRecord> steps, String file, long fileBytes) {
    public CameraReport {
        steps = List.copyOf(steps);
    }
}
