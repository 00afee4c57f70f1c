package io.camrig.engine.rig;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Moves the calling thread to Linux's real-time class, {@code SCHED_FIFO} at priority
 * {@value #FIFO_PRIORITY} (the lowest real-time priority, above every normal thread), through
 * {@code sched_setscheduler(2)} called with JNA. On a 2-core host the threads that a release
 * itself wakes (the transport's, the engine's workers, the JIT's compilers) otherwise preempt the
 * fire thread for 1–3 ms, and under Linux's EEVDF scheduler a nice value does not prevent that.
 *
 * <p>Needs root, {@code CAP_SYS_NICE} or an {@code RLIMIT_RTPRIO} of at least 1; without it (or on
 * another OS) the thread stays normal and the returned {@link FireThread} says why. A real-time
 * thread must not spin for long: the fire thread spins only through the last 0.2 ms before
 * each release instant (so, with latency compensation, at most the spread of the compensation
 * plus 0.2 ms per release, on one core), and Linux's real-time throttling still leaves 5% of each
 * second to the other threads.
 */
final class RealtimeScheduling {
    /** {@code sched_priority} asked for. */
    static final int FIFO_PRIORITY = 1;
    private static final int SCHED_FIFO = 1;
    private static final int EPERM = 1;

    private RealtimeScheduling() {
    }

    /** The C library's scheduling call; {@code struct sched_param} is one {@code int}. */
    interface CLibrary extends Library {
        int sched_setscheduler(int pid, int policy, int[] schedParam) throws LastErrorException;
    }

    /** The C library, bound once per process, on the first request (not at class loading). */
    private static final class C {
        static final CLibrary LIBRARY = Native.load("c", CLibrary.class);
    }

    /** Asks for {@code SCHED_FIFO} for the calling thread when {@code wanted}; never throws. */
    static FireThread request(boolean wanted) {
        if (!wanted) {
            return new FireThread(false, "normal: real-time scheduling not requested");
        }
        if (!Platform.isLinux()) {
            return new FireThread(false, "normal: real-time scheduling is implemented for Linux only");
        }
        try {
            C.LIBRARY.sched_setscheduler(0, SCHED_FIFO, new int[] {FIFO_PRIORITY});   // pid 0: the calling thread
            return new FireThread(true, "SCHED_FIFO " + FIFO_PRIORITY);
        } catch (LastErrorException e) {
            String why = e.getErrorCode() == EPERM ? "EPERM: needs root or CAP_SYS_NICE" : "errno " + e.getErrorCode();
            return new FireThread(false, "normal: sched_setscheduler refused (" + why + ")");
        } catch (LinkageError e) {   // no libc or no JNA native part: UnsatisfiedLinkError and kin
            return new FireThread(false, "normal: the C library could not be loaded (" + e.getMessage() + ")");
        }
    }
}
