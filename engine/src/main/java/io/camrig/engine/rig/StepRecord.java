package io.camrig.engine.rig;

import java.time.Duration;

/**
 * One line of a camera's log in a rig: which step, how it went, how long it took, and a short
 * detail (a value worth showing, or the failure's message; never a secret).
 *
 * @param step    the step's name, e.g. {@code "hardware info"}
 * @param status  {@code ok}, {@code failed} or {@code skipped}
 * @param latency how long it took
 * @param detail  a short human-readable detail, may be empty
 * @param error   the failure's type (simple class name) when failed, else empty
 */
public record StepRecord(String step, String status, Duration latency, String detail, String error) {

    /** The record of a step's outcome; a failure's detail is its message. */
    public static StepRecord of(String step, Outcome<?> outcome, String detail) {
        if (outcome instanceof Outcome.Failed<?> f) {
            return new StepRecord(step, "failed", f.latency(), message(f.cause()), f.cause().getClass().getSimpleName());
        }
        if (outcome instanceof Outcome.Skipped<?> s) {
            return new StepRecord(step, "skipped", Duration.ZERO, s.reason(), "");
        }
        return new StepRecord(step, "ok", outcome.latency(), detail == null ? "" : detail, "");
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
