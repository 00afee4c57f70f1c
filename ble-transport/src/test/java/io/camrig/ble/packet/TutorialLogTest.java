package io.camrig.ble.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the Open GoPro spec pages and tutorials at test time, finds every packet in their logs
 * ({@code Received response at X: 20:62:...}, {@code Characteristic U changed | value: ...},
 * {@code Writing to X: ...} and so on, one reassembler per channel and code block), and checks
 * that each reassembles without error, that the byte counts the tutorials logged after each
 * packet ({@code self.bytes_remaining=80}, {@code Received packet of length 18. 73 bytes
 * remaining}) match, and that our fragmenter reproduces every logged packet sequence exactly.
 */
class TutorialLogTest {
    private static final String HEX = "(?<hex>\\p{XDigit}{2}(?::\\p{XDigit}{2})*)\\b";
    private static final List<Pattern> PACKET_LINES = List.of(
            // "Received response on U: ..." lines only echo the "changed | value" line before them.
            Pattern.compile("Received response (?!on )(?:at )?(?:UUID )?(?<ch>[^:]+?): (?:b')?" + HEX),
            Pattern.compile("Characteristic (?<ch>\\S+) changed \\| value: " + HEX),
            Pattern.compile("Writing to (?<ch>[^:]+): " + HEX),
            Pattern.compile("Writing characteristic (?<ch>\\S+) ==> " + HEX),
            Pattern.compile("Writing(?<ch>): " + HEX),
            Pattern.compile("Writing " + HEX + " to (?<ch>\\S+)"),
            Pattern.compile("Sending to (?<ch>[^:]+): " + HEX));
    private static final Pattern PYTHON_REMAINING = Pattern.compile("self\\.bytes_remaining=(?<remaining>\\d+)");
    private static final Pattern KOTLIN_REMAINING =
            Pattern.compile("Received packet of length (?<length>\\d+)\\. (?<remaining>\\d+) bytes remaining");

    /** A message found in a log, with the packets it came in. */
    record Found(String where, List<byte[]> packets, byte[] message) {
        List<String> packetHex() {
            return packets.stream().map(p -> Hex.string(p).toLowerCase(Locale.ROOT)).toList();
        }
    }

    /** State of one code block: a reassembler and the packets of the message in progress, per channel. */
    private static final class Block {
        final Map<String, PacketReassembler> reassemblers = new HashMap<>();
        final Map<String, List<byte[]>> pending = new HashMap<>();
        int lastPayload = -1;
        int lastRemaining = -1;
    }

    private final List<Found> found = new ArrayList<>();
    private int remainingChecks;

    @Test
    void everyPacketInTheSpecLogsReassembles() throws IOException {
        Path spec = SpecDirectory.require();
        List<Path> files;
        try (Stream<Path> tutorials = Files.list(spec.resolve("tutorials"));
             Stream<Path> ble = Files.list(spec.resolve("ble"))) {
            files = Stream.concat(tutorials, ble).filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).as("markdown files under %s", spec).isNotEmpty();
        for (Path file : files) {
            scan(file);
        }

        List<Found> multi = found.stream().filter(f -> f.packets().size() > 1).toList();
        assertThat(found).as("messages found in the spec logs").hasSizeGreaterThan(30);
        assertThat(multi).as("multi-packet messages found").hasSizeGreaterThanOrEqualTo(4);
        assertThat(remainingChecks).as("logged 'bytes remaining' lines checked").isGreaterThanOrEqualTo(15);
        // The hand-transcribed vectors are really in the spec.
        List<List<String>> sequences = multi.stream().map(Found::packetHex).toList();
        for (String[] vector : List.of(SpecVectors.HARDWARE_INFO_98, SpecVectors.HARDWARE_INFO_91,
                SpecVectors.SCAN_RESULTS_118, SpecVectors.COHN_STATUS_71)) {
            assertThat(sequences).contains(List.of(vector).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        }
        // The camera's packetization is ours, packet for packet.
        for (Found f : found) {
            List<String> ours = PacketFragmenter.fragment(f.message()).stream()
                    .map(p -> Hex.string(p).toLowerCase(Locale.ROOT)).toList();
            assertThat(ours).as("fragmenting the message of %s", f.where()).isEqualTo(f.packetHex());
        }
    }

    private void scan(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Block block = new Block();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file.getFileName() + ":" + (i + 1);
            if (line.strip().startsWith("```")) {
                assertIdle(block, where);
                block = new Block();
                continue;
            }
            Matcher packet = firstMatch(line);
            if (packet != null) {
                offer(block, packet.group("ch").strip(), Hex.bytes(packet.group("hex")), where);
                continue;
            }
            Matcher python = PYTHON_REMAINING.matcher(line);
            Matcher kotlin = KOTLIN_REMAINING.matcher(line);
            if (python.find()) {
                checkRemaining(block, Integer.parseInt(python.group("remaining")), -1, where);
            } else if (kotlin.find()) {
                checkRemaining(block, Integer.parseInt(kotlin.group("remaining")),
                        Integer.parseInt(kotlin.group("length")), where);
            }
        }
        assertIdle(block, file.getFileName() + ":end");
    }

    private static Matcher firstMatch(String line) {
        for (Pattern pattern : PACKET_LINES) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    private void offer(Block block, String channel, byte[] packet, String where) {
        PacketReassembler reassembler = block.reassemblers.computeIfAbsent(channel, c -> new PacketReassembler());
        List<byte[]> packets = block.pending.computeIfAbsent(channel, c -> new ArrayList<>());
        int before = reassembler.received();
        Optional<byte[]> message;
        try {
            message = reassembler.accept(packet);
        } catch (PacketException e) {
            throw new AssertionError(where + ": packet " + Hex.string(packet) + " rejected: " + e.getMessage(), e);
        }
        packets.add(packet);
        if (message.isPresent()) {
            found.add(new Found(where, List.copyOf(packets), message.get()));
            packets.clear();
            block.lastPayload = message.get().length - before;
            block.lastRemaining = 0;
        } else {
            block.lastPayload = reassembler.received() - before;
            block.lastRemaining = reassembler.expectedLength() - reassembler.received();
        }
    }

    private void checkRemaining(Block block, int remaining, int payload, String where) {
        assertThat(block.lastRemaining).as("%s: a 'bytes remaining' line follows a packet", where).isNotNegative();
        assertThat(block.lastRemaining).as("%s: bytes remaining", where).isEqualTo(remaining);
        if (payload >= 0) {
            assertThat(block.lastPayload).as("%s: message bytes in the packet", where).isEqualTo(payload);
        }
        remainingChecks++;
    }

    private static void assertIdle(Block block, String where) {
        block.reassemblers.forEach((channel, r) -> assertThat(r.inProgress())
                .as("%s: message on %s left incomplete (%d of %d bytes)", where, channel, r.received(), r.expectedLength())
                .isFalse());
    }
}
