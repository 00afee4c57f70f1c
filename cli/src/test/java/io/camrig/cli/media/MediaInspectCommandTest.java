package io.camrig.cli.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.cli.CliRun;
import io.camrig.simulator.media.RecordingFacts;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camrig media inspect} as a user runs it, on simulated, hostile and real GoPro files. */
class MediaInspectCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private Path recording(String firmware, String cameraId) throws Exception {
        SdCard card = new SdCard("C3501324500001", 1, 8192);
        SdCardFile f = card.record(Instant.parse("2026-12-07T10:15:30Z"), new RecordingFacts("HERO12 Black", firmware,
                cameraId, LocalDateTime.of(2026, 12, 7, 10, 15, 30, 500_000_000), Duration.ofSeconds(2)));
        Path file = dir.resolve(f.name());
        Files.write(file, card.expectedBytes(f));
        return file;
    }

    @Test
    void printsFirmwareIdClockTimecodeAndTelemetry() throws Exception {
        Path file = recording("H23.01.02.32.00", "C3501324500001");

        assertThat(run("media", "inspect", file.toString())).as("stderr: %s", err).isZero();

        assertThat(out.toString())
                .contains("firmware (FIRM)    H23.01.02.32.00")
                .contains("camera id (CAME)   C3501324500001")
                .contains("created (mvhd)     2026-12-07T10:15:30 camera clock, no zone")
                .contains("timecode (tmcd)    10:14:53:18  frame 1106808 at 29.970 fps")
                .contains("starts at          10:15:30.493 camera clock (± one frame, 33.4 ms)")
                .contains("device (GPMF)      HERO12 Black id 1")
                .contains("GPS time (GPSU)    - (no GPS lock in the first payload)");
    }

    @Test
    void controlCharactersACameraWroteAreEscapedInTextAndKeptInJson() throws Exception {
        Path file = recording("\u001b[2J\u001b[31mH23\r\nforged: ok", "C35\u001b[0m");

        assertThat(run("media", "inspect", file.toString())).isZero();
        String text = out.toString();
        assertThat(text).doesNotContain("\u001b").doesNotContain("\r")
                .contains("\\e[2J\\e[31mH23\\r\\nforged: ok");
        assertThat(text.lines()).noneMatch(l -> l.startsWith("forged"));

        out.getBuffer().setLength(0);
        assertThat(run("media", "inspect", "--json", file.toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString()).get("files").get(0);
        assertThat(json.get("firmware").asText()).isEqualTo("\u001b[2J\u001b[31mH23\r\nforged: ok");
        assertThat(json.get("timecode").get("startFrame").asLong()).isEqualTo(1_106_808);
        assertThat(json.get("telemetry").get("gpsLocked").asBoolean()).isFalse();
    }

    @Test
    void anUnreadableFileIsOneLineOnStderrAndTheOthersStillPrint() throws Exception {
        Path good = recording("H23.01.02.32.00", "C1");
        Path bad = dir.resolve("notes.txt");
        Files.writeString(bad, "not an mp4 at all, just text that is long enough");

        assertThat(run("media", "inspect", bad.toString(), good.toString())).isEqualTo(1);

        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("camrig media inspect: " + bad).contains("notes.txt");
        assertThat(out.toString()).contains("H23.01.02.32.00");
    }

    @Test
    void hostileFilesAreOneTypedLineEachNeverAHangAndJsonListsThem() throws Exception {
        Path good = recording("H23.01.02.32.00", "C1");
        java.util.Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
        hostile.put("empty.mp4", new byte[0]);
        hostile.put("five.mp4", new byte[] {0, 0, 0, 24, 'f'});
        hostile.put("truncated.mp4", java.util.Arrays.copyOf(Files.readAllBytes(good), 600));
        // a 64-bit box size of 2^63-1 and a 32-bit one of 4 GiB, in files of a few dozen bytes
        hostile.put("huge64.mp4", java.util.HexFormat.of().parseHex("000000016d6f6f767fffffffffffffff" + "00".repeat(32)));
        hostile.put("huge32.mp4", java.util.HexFormat.of().parseHex("00000014667479706d70343100000000"
                + "00000000ffffffff6d6f6f76" + "00".repeat(32)));
        byte[] random = new byte[64 * 1024];
        new java.util.Random(18).nextBytes(random);
        hostile.put("random.bin", random);
        List<String> args = new java.util.ArrayList<>(List.of("media", "inspect", "--json"));
        for (var e : hostile.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
            args.add(dir.resolve(e.getKey()).toString());
        }
        Files.createDirectory(dir.resolve("folder.mp4"));
        args.add(dir.resolve("folder.mp4").toString());
        args.add(dir.resolve("absent.mp4").toString());
        // a named pipe with no writer: opening it would block for ever
        Path pipe = dir.resolve("pipe.mp4");
        boolean fifo = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0;
        if (fifo) {
            args.add(pipe.toString());
        }
        args.add(good.toString());

        assertThat(run(args.toArray(String[]::new))).isEqualTo(1);

        int bad = hostile.size() + 2 + (fifo ? 1 : 0);
        assertThat(err.toString().lines()).hasSize(bad)
                .allSatisfy(l -> assertThat(l).startsWith("camrig media inspect: " + dir)
                        .doesNotContain("Exception").doesNotContain("java."));
        assertThat(err.toString()).contains("folder.mp4: not a regular file").contains("absent.mp4: no such file");
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("files")).singleElement().satisfies(f -> assertThat(f.get("file").asText()).isEqualTo(good.toString()));
        assertThat(doc.get("errors")).hasSize(bad).allSatisfy(e -> assertThat(e.get("error").asText()).isNotBlank());
        assertThat(doc.get("errors").findValuesAsText("file")).contains(dir.resolve("huge64.mp4").toString());
    }

    @Test
    void aRealHero5FileInspectsAsJson() throws Exception {
        String samples = System.getProperty("camrig.media.samples.dir");
        Path karma = samples == null ? null : Path.of(samples, "karma.mp4");
        if (karma == null || !Files.isReadable(karma)) {
            org.junit.jupiter.api.Assertions.assertFalse(Boolean.getBoolean("camrig.media.samples.required"),
                    "karma.mp4 missing and camrig.media.samples.required=true");
            assumeTrue(false, "media sample karma.mp4 not found (camrig.media.samples.dir=" + samples + "); skipping");
        }

        assertThat(run("media", "inspect", "--json", karma.toString())).isZero();

        JsonNode f = new ObjectMapper().readTree(out.toString()).get("files").get(0);
        assertThat(f.get("firmware").asText()).isEqualTo("HD5.02.02.00.00");
        assertThat(f.get("timecode").get("smpte").asText()).isEqualTo("19:26:48:04");
        assertThat(f.get("timecode").get("timeOfDay").asText()).isEqualTo("19:27:58.141");
        assertThat(f.get("creationTime").asText()).isEqualTo("2017-04-17T19:27:57");
    }

    @Test
    void aNameWithSpacesAndUnicodeIsReadAndShownWhole() throws Exception {
        Path file = Files.move(recording("H23.01.02.32.00", "C1"), dir.resolve("take 1 – caméra 日本.MP4"));

        assertThat(run("media", "inspect", file.toString())).as("stderr: %s", err).isZero();
        assertThat(out.toString().lines().findFirst()).contains(file.toString());

        out.getBuffer().setLength(0);
        assertThat(run("media", "inspect", "--json", file.toString())).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("files").get(0).get("file").asText())
                .isEqualTo(file.toString());
    }

    @Test
    void eachErrorNamesItsFileOnceAndSaysWhatIsWrong() throws Exception {
        Path empty = Files.write(dir.resolve("empty.MP4"), new byte[0]);
        Path good = recording("H23.01.02.32.00", "C1");
        // an offload that stopped half way: the head, moov and part of mdat
        Path cut = Files.write(dir.resolve("cut.MP4"), java.util.Arrays.copyOf(Files.readAllBytes(good), 4000));

        assertThat(run("media", "inspect", "--json", empty.toString(), cut.toString(), good.toString())).isEqualTo(1);

        assertThat(err.toString().lines()).containsExactly(
                "camrig media inspect: " + empty + ": the file is empty (0 bytes)",
                "camrig media inspect: " + cut + ": box 'mdat' at offset " + mdatOffset(good) + " declares "
                        + (8192 - mdatOffset(good)) + " bytes; the file has " + (4000 - mdatOffset(good)) + " left: the file is cut short (an"
                        + " offload that stopped, a card pulled while recording) or is not an MP4");
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("errors").findValuesAsText("error")).allSatisfy(e -> assertThat(e)
                .doesNotContain("[").doesNotContain("read footage:"));
        assertThat(doc.get("files")).singleElement().satisfies(f -> assertThat(f.get("file").asText())
                .isEqualTo(good.toString()));
    }

    @Test
    void aRecordingDatedPastTheYear9999IsInspectedWithAWarningAndTheNextFileStillPrints() throws Exception {
        // an mvhd v1 whose 64-bit creation time is 2^63 - 1 s; before, java.time.DateTimeException escaped the
        // reader and ended the command: the files after it were never read
        java.nio.ByteBuffer mvhd = java.nio.ByteBuffer.allocate(8 + 112).putInt(120).put("mvhd".getBytes())
                .putInt(0x0100_0000).putLong(Long.MAX_VALUE).putLong(Long.MAX_VALUE).putInt(90_000).putLong(270_000);
        java.nio.ByteBuffer file = java.nio.ByteBuffer.allocate(20 + 8 + 120).putInt(20).put("ftypmp41".getBytes())
                .putInt(0).put("mp41".getBytes()).putInt(128).put("moov".getBytes()).put(mvhd.array());
        Path dated = Files.write(dir.resolve("dated.MP4"), file.array());
        Path good = recording("H23.01.02.32.00", "C1");

        assertThat(run("media", "inspect", dated.toString(), good.toString())).as("stderr: %s", err).isZero();

        assertThat(out.toString()).contains("created (mvhd)     -")
                .contains("warning            mvhd creation time 9223372036854775807 s since 1904 is past the year 9999")
                .contains("duration (mvhd)    3.000 s")
                .contains("firmware (FIRM)    H23.01.02.32.00");
    }

    private static int mdatOffset(Path mp4) throws Exception {
        byte[] d = Files.readAllBytes(mp4);
        for (int i = 4; i + 4 <= d.length; i++) {
            if (d[i] == 'm' && d[i + 1] == 'd' && d[i + 2] == 'a' && d[i + 3] == 't') {
                return i - 4;
            }
        }
        throw new AssertionError("no mdat");
    }
}
