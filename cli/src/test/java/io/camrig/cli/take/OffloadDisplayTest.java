package io.camrig.cli.take;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.engine.offload.OffloadEvent;
import io.camrig.engine.take.TakeFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The offload's progress line after a resume: "done of total" counts the bytes already on disk,
 * the rate and the ETA only what this run fetched (a resumed 50 MB must not read as 25 MB/s).
 * Time comes from an injected clock.
 */
class OffloadDisplayTest {
    private static final String SERIAL = "C3501460050001";
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(7 * SECOND);
    private final StringWriter out = new StringWriter();
    private final OffloadDisplay display = new OffloadDisplay(new PrintWriter(out), new PrintWriter(new StringWriter()),
            true, "20261207-100000", now::get);
    private final TakeFile file = TakeFile.pending("100GOPRO", "GX010001.MP4", 100_000_000, 1_700_000_000);

    private JsonNode lastLine() throws Exception {
        String[] lines = out.toString().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    @Test
    void aResumedFileCountsItsKeptBytesAsDoneButNotInTheRateOrEta() throws Exception {
        display.on(new OffloadEvent.CameraStarted(SERIAL, 1, 100_000_000));
        now.addAndGet(2 * SECOND);
        // 50 MB were in the partial file; 10 MB more came in 2 s
        display.on(new OffloadEvent.Progress(SERIAL, file, 60_000_000, 100_000_000, 50_000_000));

        JsonNode p = lastLine();
        assertThat(p.get("bytesDone").asLong()).isEqualTo(60_000_000);
        assertThat(p.get("bytesPerSecond").asLong()).isEqualTo(5_000_000);
        assertThat(p.get("etaSeconds").asLong()).as("40 MB left at 5 MB/s").isEqualTo(8);
    }

    @Test
    void aFreshDownloadsRateIsItsBytesOverTheTimeSinceTheCameraStarted() throws Exception {
        display.on(new OffloadEvent.CameraStarted(SERIAL, 1, 100_000_000));
        now.addAndGet(4 * SECOND);
        display.on(new OffloadEvent.Progress(SERIAL, file, 20_000_000, 100_000_000));

        JsonNode p = lastLine();
        assertThat(p.get("bytesPerSecond").asLong()).isEqualTo(5_000_000);
        assertThat(p.get("etaSeconds").asLong()).isEqualTo(16);

        // within the same second nothing more is printed
        String before = out.toString();
        now.addAndGet(SECOND / 2);
        display.on(new OffloadEvent.Progress(SERIAL, file, 22_000_000, 100_000_000));
        assertThat(out.toString()).isEqualTo(before);
    }

    @Test
    void theEtaIsRoundedUpSoItNeverReadsZeroWhileBytesRemain() throws Exception {
        display.on(new OffloadEvent.CameraStarted(SERIAL, 1, 100_000_000));
        now.addAndGet(4 * SECOND);
        // 99 MB in 4 s: 1 MB left at 24.75 MB/s is 0.04 s
        display.on(new OffloadEvent.Progress(SERIAL, file, 99_000_000, 100_000_000));

        assertThat(lastLine().get("etaSeconds").asLong()).isEqualTo(1);
    }
}
