package io.camrig.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keeps the README's example honest: it runs and every simulated camera records. */
class SyncRecordingExampleTest {
    @Test
    void theExampleRecordsOnEveryCamera() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SyncRecordingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("shutter on: 4/4 cameras").contains("all cameras stopped encoding");
        assertThat(out.lines().filter(l -> l.endsWith(": recorded"))).hasSize(4);
    }

    @Test
    void theExampleLeavesNoThreadThatWouldKeepTheJvmAlive() {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            SyncRecordingExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        // Netty's GlobalEventExecutor thread ends by itself after one second without tasks; it
        // never keeps the JVM alive, so give such threads that second (a join, not a sleep).
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.getName().startsWith("globalEventExecutor")) {
                try {
                    t.join(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.isAlive() && !t.isDaemon()
                && !before.contains(t)).as("non-daemon threads left by the example: java would not exit").isEmpty();
    }
}
