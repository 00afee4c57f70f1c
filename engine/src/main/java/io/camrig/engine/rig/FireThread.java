package io.camrig.engine.rig;

/**
 * How the thread that releases a rig's fires is scheduled by the operating system.
 *
 * @param realtime {@code true} when Linux runs it under {@code SCHED_FIFO} (priority
 *                 {@value RealtimeScheduling#FIFO_PRIORITY}): no thread of the normal class can
 *                 preempt it in the middle of a release
 * @param detail   what was asked and what came of it, for reports, e.g. {@code "SCHED_FIFO 1"} or
 *                 {@code "normal: sched_setscheduler refused (EPERM: needs root or CAP_SYS_NICE)"}
 */
public record FireThread(boolean realtime, String detail) {
}
