package io.camrig.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.cli.CamrigCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Ctrl-C, played with {@link Interrupts#interrupt()} (what the SIGINT handler calls): a long command
 * stops its reactive work, says what it stopped, and exits 130, well before it would have ended.
 */
class InterruptsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void detach() {
        Interrupts.target(null);
    }

    /** Runs a command on its own thread; plays Ctrl-C once an activity containing {@code when} is reported. */
    private int interruptWhen(String when, String... args) throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        Runnable stopListening = Interrupts.onActivity(a -> {
            if (a.contains(when)) {
                reached.countDown();
            }
        });
        AtomicInteger code = new AtomicInteger(-1);
        Thread command = new Thread(() -> {
            CommandLine cli = CamrigCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            code.set(CamrigCommand.run(cli, args));
        }, "command");
        try {
            Interrupts.target(command);
            command.start();
            assertThat(reached.await(60, TimeUnit.SECONDS)).as("reached '%s'; stderr: %s", when, err).isTrue();
            Interrupts.interrupt();
            command.join(TimeUnit.SECONDS.toMillis(Interrupts.GRACE.toSeconds()));
            assertThat(command.isAlive()).as("stopped within the grace period").isFalse();
            return code.get();
        } finally {
            stopListening.run();
        }
    }

    @Test
    void ctrlCDuringAWatchStopsItSaysSoAndExits130() throws Exception {
        int code = interruptWhen("watching", "status", "--watch", "--json", "busy", "--cameras", "2");
        assertThat(code).isEqualTo(130);
        assertThat(err.toString()).contains("camrig status: interrupted (Ctrl-C); stopped watching the statuses of 2 cameras")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void ctrlCWhileADemoRecordsStopsTheSessionNotAfterTheRecording(@TempDir Path media) throws Exception {
        long start = System.nanoTime();
        int code = interruptWhen("'record'", "demo", "--cameras", "2", "--duration", "5m", "--media-dir",
                media.toString(), "--no-progress");
        assertThat(code).isEqualTo(130);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("did not record 5 minutes")
                .isLessThan(120);
        assertThat(err.toString()).contains("camrig demo: interrupted (Ctrl-C); stopped the recording session at "
                + "'record' (2 cameras)");
        assertThat(out.toString()).doesNotContain("cameras succeeded");
    }

    @Test
    void aCommandThatEndsByItselfAfterCtrlCStillExits130() {
        Interrupts.target(Thread.currentThread());
        Interrupts.activity("nothing much");
        // The grace timer is told the target is this (live) thread; detach before it would fire.
        CommandLine cli = CamrigCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Interrupts.interrupt();
        Thread.interrupted();
        int code = CamrigCommand.run(cli, "decode", "--help");
        Interrupts.target(null);
        assertThat(code).isEqualTo(130);
        assertThat(err.toString()).contains("interrupted (Ctrl-C); stopped nothing much");
    }
}
