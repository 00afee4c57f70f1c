package io.camrig.cli.decode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.ble.packet.IncompleteMessageException;
import io.camrig.ble.packet.MessageAssembler;
import io.camrig.ble.packet.PacketException;
import io.camrig.proto.codec.MessageDecoder;
import io.camrig.proto.codec.RequestDecoder;
import io.camrig.proto.error.CamrigException;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.json.MessageJson;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes a BLE trace into JSON Lines: one object per reassembled message, per direct value, and
 * per error.
 *
 * <h2>Input</h2>
 * One packet per line, in arrival order: {@code <characteristic> <hex packet>}, for example
 * {@code GP-0073 20:62:3c:00:04:00:00:00:3e:0c:48:45:52:4f:31:32:20:42:6c:61}. The characteristic is
 * {@code GP-XXXX} (case-insensitive); the hex (ASCII digits and letters a-f only) may contain
 * spaces and colons. Blank lines and lines starting with {@code #} are ignored. A line longer than
 * {@link #MAX_LINE_CHARS} is skipped with an error, without being held in memory; bytes that are
 * not UTF-8 become U+FFFD, so such a line is reported as bad and decoding goes on.
 *
 * <h2>Output</h2>
 * Every object starts with {@code line} (1-based; for a message, the line of its last packet).
 * <ul>
 *   <li>Packets of the notify characteristics (GP-0073, GP-0075, GP-0077, GP-0092) are reassembled,
 *       one reassembler per characteristic, decoded with {@link MessageDecoder} and printed with
 *       {@link MessageJson}; packets written by a client (GP-0072, GP-0074, GP-0076, GP-0091) the
 *       same way with {@link RequestDecoder}.</li>
 *   <li>GP-0002 (AP SSID), GP-0003 (AP password), GP-0004 (AP power) and GP-0005 (AP state) carry a
 *       whole value, not a packet: kind {@code read} (or {@code write}) with a decoded
 *       {@code value}. The password prints as {@code "***"} with {@code "redacted": true} unless
 *       secrets are shown.</li>
 *   <li>Errors: {@code {"line", "characteristic", "error", "type"}}, {@code type} being the
 *       exception's simple class name: a bad packet ({@code CounterOutOfSequenceException} …), a
 *       message that does not decode ({@code MalformedMessageException}), a bad line
 *       ({@link TraceSyntaxException}), and, at the end of input, each message still unfinished
 *       ({@code IncompleteMessageException}, at the line of its first packet). Decoding goes on
 *       after every error.</li>
 * </ul>
 *
 * <p>Not thread-safe; one instance decodes one trace at a time.
 *
 * <p>Source: Open GoPro BLE spec, "Data Protocol" (packetization, message payloads); "BLE Setup".
 */
public final class TraceDecoder {
    /**
     * The longest input line read, in characters; a longer one is skipped with an error. A packet
     * is at most 20 bytes (60 characters as {@code xx:} hex), so this leaves room for any spacing.
     */
    public static final int MAX_LINE_CHARS = 4096;

    /**
     * What a run printed.
     *
     * @param messages objects printed for messages and direct values
     * @param errors   error objects printed
     */
    public record Result(int messages, int errors) {
        /** {@code true} when every line decoded. */
        public boolean ok() {
            return errors == 0;
        }
    }

    /** Reassembly state of one characteristic. */
    private static final class Stream {
        final MessageAssembler assembler = new MessageAssembler();
        int firstLine;
    }

    private final boolean showSecrets;
    private Writer out;
    private int messages;
    private int errors;

    /** @param showSecrets print the AP password and COHN credentials instead of redacting them */
    public TraceDecoder(boolean showSecrets) {
        this.showSecrets = showSecrets;
    }

    /**
     * Decodes a whole trace. The reader is read to the end but not closed; each object is written
     * and flushed as soon as it is complete.
     *
     * @throws IOException when reading or writing fails
     */
    public Result decode(Reader in, Writer out) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        messages = 0;
        errors = 0;
        Map<GoProUuid, Stream> streams = new LinkedHashMap<>();
        BoundedLineReader lines = new BoundedLineReader(in, MAX_LINE_CHARS);
        String text;
        int lineNumber = 0;
        while ((text = lines.readLine()) != null) {
            lineNumber++;
            if (text == BoundedLineReader.OVERLONG) {
                syntax(lineNumber, "", "line longer than " + MAX_LINE_CHARS + " characters, skipped");
                continue;
            }
            String line = text.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                line(lineNumber, line, streams);
            }
        }
        for (Map.Entry<GoProUuid, Stream> e : streams.entrySet()) {
            var reassembler = e.getValue().assembler.reassembler();
            if (reassembler.inProgress()) {
                error(e.getValue().firstLine, e.getKey().label(),
                        new IncompleteMessageException(reassembler.received(), reassembler.expectedLength()),
                        "end of input: message incomplete, " + reassembler.received() + " of "
                                + reassembler.expectedLength() + " bytes received");
            }
        }
        out.flush();
        return new Result(messages, errors);
    }

    private void line(int lineNumber, String line, Map<GoProUuid, Stream> streams) throws IOException {
        String[] parts = line.split("\\s+", 2);
        String label = parts[0];
        Optional<GoProUuid> characteristic = GoProUuid.ofLabel(label);
        if (characteristic.isEmpty()) {
            syntax(lineNumber, label, "unknown characteristic '" + label + "' (expected GP-XXXX)");
            return;
        }
        GoProUuid c = characteristic.get();
        if (c.kind() == GoProUuid.Kind.SERVICE) {
            syntax(lineNumber, c.label(), c.label() + " is a service, not a characteristic");
            return;
        }
        if (parts.length < 2) {
            syntax(lineNumber, c.label(), "no packet after the characteristic");
            return;
        }
        String hex = parts[1].replaceAll("[\\s:]", "");
        if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(TraceDecoder::isAsciiHex)) {
            syntax(lineNumber, c.label(), "not an even number of ASCII hex digits (0-9, a-f, A-F)");
            return;
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (DirectValues.isDirect(c)) {
            emit(lineNumber, DirectValues.toJson(c, bytes, showSecrets));
            return;
        }
        Stream stream = streams.computeIfAbsent(c, k -> new Stream());
        boolean wasInProgress = stream.assembler.reassembler().inProgress();
        boolean[] restarted = {false};
        try {
            stream.assembler.accept(bytes,
                    message -> {
                        restarted[0] = true;
                        unchecked(() -> message(lineNumber, c, message));
                    },
                    packetError -> {
                        restarted[0] = true;
                        unchecked(() -> error(lineNumber, c.label(), packetError, null));
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            error(lineNumber, c.label(), e, null);
        }
        if (stream.assembler.reassembler().inProgress() && (!wasInProgress || restarted[0])) {
            stream.firstLine = lineNumber;
        }
    }

    /** 0-9, a-f, A-F only: {@link Character#digit} also accepts other scripts' digits and fullwidth letters. */
    private static boolean isAsciiHex(int ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    }

    private void message(int lineNumber, GoProUuid c, byte[] message) throws IOException {
        ObjectNode node;
        try {
            node = c.kind() == GoProUuid.Kind.NOTIFY
                    ? MessageJson.toJson(MessageDecoder.decode(c, message), message, showSecrets)
                    : MessageJson.toJson(RequestDecoder.decode(c, message), message, showSecrets);
        } catch (CamrigException e) {
            error(lineNumber, c.label(), e, null);
            return;
        }
        emit(lineNumber, node);
    }

    private void syntax(int lineNumber, String characteristic, String message) throws IOException {
        error(lineNumber, characteristic, new TraceSyntaxException(message), null);
    }

    private void error(int lineNumber, String characteristic, Exception e, String message) throws IOException {
        ObjectNode node = MessageJson.mapper().createObjectNode();
        node.put("characteristic", characteristic);
        node.put("error", message != null ? message : String.valueOf(e.getMessage()));
        node.put("type", e.getClass().getSimpleName());
        errors++;
        write(lineNumber, node);
    }

    private void emit(int lineNumber, ObjectNode node) throws IOException {
        messages++;
        write(lineNumber, node);
    }

    private void write(int lineNumber, ObjectNode node) throws IOException {
        ObjectNode withLine = MessageJson.mapper().createObjectNode();
        withLine.put("line", lineNumber);
        withLine.setAll(node);
        out.write(MessageJson.mapper().writeValueAsString(withLine));
        out.write('\n');
        out.flush();
    }

    /** Runs a write from inside an assembler callback, tunnelling its I/O failure out. */
    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
