package io.camrig.cli.demo;

import io.camrig.engine.rig.RigMember;
import io.camrig.engine.session.SessionListener;
import io.camrig.http.DownloadProgress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a session's progress on stderr: one line per rig step, and a progress bar of the bytes
 * downloaded across the rig. Does nothing when disabled (JSON output, tests).
 */
final class ProgressDisplay implements SessionListener, AutoCloseable {
    private final PrintWriter err;
    private final boolean enabled;
    /** Redraws a bar only on a terminal; elsewhere (logs, CI) one line per step. */
    private final boolean animated;
    private final long expectedBytes;
    private final int cameras;
    private final Map<RigMember, Long> done = new ConcurrentHashMap<>();
    private ProgressBar bar;

    ProgressDisplay(PrintWriter err, boolean enabled, int cameras, long fileBytes) {
        this.err = err;
        this.enabled = enabled;
        this.animated = enabled && System.console() != null;
        this.expectedBytes = (long) cameras * fileBytes;
        this.cameras = cameras;
    }

    @Override
    public synchronized void onStep(String step) {
        io.camrig.cli.console.Interrupts.activity("the recording session at '" + step + "' (" + cameras + " cameras)");
        if (!enabled) {
            return;
        }
        if (step.equals("download") && animated) {
            bar = new ProgressBarBuilder().setTaskName("download").setInitialMax(expectedBytes)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" MiB", 1 << 20)
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(new WriterStream(err), true), 100))
                    .build();
        } else {
            err.println("» " + step);
            err.flush();
        }
    }

    @Override
    public void onDownloadProgress(RigMember member, DownloadProgress progress) {
        if (!animated) {
            return;
        }
        done.put(member, progress.bytesDone());
        long sum = done.values().stream().mapToLong(Long::longValue).sum();
        synchronized (this) {
            if (bar != null) {
                bar.stepTo(Math.min(sum, expectedBytes));
            }
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
            err.println();
            err.flush();
        }
    }

    /** Bridges the progress bar's PrintStream to the command's error writer. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter writer;

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
