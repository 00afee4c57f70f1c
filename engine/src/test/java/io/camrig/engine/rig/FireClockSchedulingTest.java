package io.camrig.engine.rig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The fire thread asks Linux for SCHED_FIFO: granted exactly when the process may (CAP_SYS_NICE or
 * an RLIMIT_RTPRIO), and then the thread really runs under it, as /proc shows.
 */
class FireClockSchedulingTest {
    private static final int CAP_SYS_NICE = 23;
    private static final int SCHED_FIFO = 1;

    @Test
    void theFireThreadIsRealtimeExactlyWhenTheProcessMayAskForIt() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        try (FireClock clock = new FireClock(true)) {
            FireThread t = clock.fireThread();

            assertThat(t.realtime()).as(t.detail()).isEqualTo(mayUseRealtime());
            if (t.realtime()) {
                assertThat(t.detail()).isEqualTo("SCHED_FIFO 1");
                assertThat(policiesOf("camrig-fire")).contains(SCHED_FIFO);
            } else {
                assertThat(t.detail()).startsWith("normal: sched_setscheduler refused (EPERM");
            }
            // Either way it releases.
            List<String> releasedOn = new ArrayList<>();
            StepVerifier.create(clock.release(List.of(new FireClock.Release(
                    () -> releasedOn.add(Thread.currentThread().getName()), 0)))).expectNextCount(1).verifyComplete();
            assertThat(releasedOn).containsExactly("camrig-fire");
        }
    }

    @Test
    void turnedOffItStaysANormalThread() {
        try (FireClock clock = new FireClock(false)) {
            assertThat(clock.fireThread())
                    .isEqualTo(new FireThread(false, "normal: real-time scheduling not requested"));
        }
    }

    @Test
    void theOptionDefaultsToOn() {
        assertThat(RigOptions.defaults().realtimeFire()).isTrue();
        assertThat(RigOptions.defaults().withRealtimeFire(false).realtimeFire()).isFalse();
    }

    /** CAP_SYS_NICE in the effective set, or a real-time priority limit of 1 or more. */
    private static boolean mayUseRealtime() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:") && new BigInteger(line.substring(7).trim(), 16).testBit(CAP_SYS_NICE)) {
                return true;
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max realtime priority")) {
                String soft = line.substring("Max realtime priority".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") || Integer.parseInt(soft) >= 1;
            }
        }
        return false;
    }

    /** The scheduling policy (field 41 of stat) of every thread of this process with that name. */
    private static List<Integer> policiesOf(String name) throws IOException {
        List<Integer> policies = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String comm;
                String stat;
                try {
                    comm = Files.readString(task.resolve("comm")).trim();
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.nio.file.NoSuchFileException ended) {
                    continue; // a thread that ended between the listing and the read
                }
                if (comm.equals(name)) {
                    // Fields after the command name, which is in parentheses and may hold spaces.
                    String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                    policies.add(Integer.parseInt(rest[41 - 3]));
                }
            }
        }
        return policies;
    }
}
