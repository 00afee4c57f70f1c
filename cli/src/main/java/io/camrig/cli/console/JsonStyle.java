package io.camrig.cli.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one rule for {@code --json}: a command that prints one result prints one JSON document on
 * one line; a command that streams (status --watch, decode, media download) prints one compact
 * object per line (JSON Lines); {@code --pretty} indents the single document and leaves streams
 * alone. The flag is the command line's ({@code camrig … --json --pretty}).
 */
public final class JsonStyle {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile boolean pretty;

    private JsonStyle() {
    }

    /** Set by {@code --pretty}; reset for each command line. */
    public static void pretty(boolean on) {
        pretty = on;
    }

    /** {@code value} as one JSON document, indented when {@code --pretty} was given. */
    public static String document(Object value) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serializable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} as one line of a JSON Lines stream: never indented. */
    public static String line(JsonNode value) {
        return value.toString();
    }
}
