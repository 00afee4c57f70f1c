package io.camrig.engine.take;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one take's manifest file and turns whatever is wrong with it into a {@link
 * TakeManifestException} whose reason a user can act on, instead of the parser's own message
 * (which names Java classes and token types).
 */
final class ManifestFile {
    private static final int MAX_DETAIL = 160;

    private ManifestFile() {
    }

    /**
     * The manifest in {@code file}, which must name the take {@code takeId} (its directory).
     *
     * @throws TakeManifestException when the file is empty, cut short, not JSON, not a manifest,
     *     holds a refused value, or names another take
     */
    static TakeManifest read(ObjectMapper json, Path file, String takeId) {
        TakeManifest m;
        try {
            if (Files.size(file) == 0) {
                throw new TakeManifestException(takeId, file, "it is empty", new IOException("empty file"));
            }
            m = json.readValue(file.toFile(), TakeManifest.class);
        } catch (JsonProcessingException e) {
            throw new TakeManifestException(takeId, file, reason(e), e);
        } catch (IOException e) {
            throw new TakeManifestException(takeId, file, TakeStore.reason(e), e);
        }
        if (m == null) {
            throw new TakeManifestException(takeId, file, "it holds JSON null", new IOException("null"));
        }
        if (!takeId.equals(m.takeId())) {
            String why = "it names take '" + oneLine(m.takeId()) + "', not its directory's '" + takeId + "'";
            throw new TakeManifestException(takeId, file, why, new IOException(why));
        }
        return m;
    }

    /** What is wrong, from the parser's error: where the JSON broke, or which field was refused and why. */
    static String reason(JsonProcessingException e) {
        JsonProcessingException parse = innermost(e);
        if (parse instanceof JsonEOFException || String.valueOf(parse.getOriginalMessage()).contains("end-of-input")
                || String.valueOf(parse.getOriginalMessage()).startsWith("No content to map")) {
            return "truncated: the JSON ends" + at(parse.getLocation());
        }
        if (parse instanceof JsonParseException) {
            return "not JSON" + at(parse.getLocation()) + ": " + oneLine(parse.getOriginalMessage());
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String where = field.isEmpty() ? "the document" : field;
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            Throwable cause = e.getCause();
            String detail = cause instanceof NullPointerException ? cause.getMessage() + " is missing" : cause.getMessage();
            return where + ": " + oneLine(detail);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return where + ": not the type a take manifest has there (" + kind(mismatch.getTargetType()) + " expected)"
                    + at(e.getLocation());
        }
        return where + ": " + oneLine(e.getOriginalMessage()) + at(e.getLocation());
    }

    /** The parser's own error inside the mapper's wrappers (a syntax error met while mapping a field). */
    private static JsonProcessingException innermost(JsonProcessingException e) {
        JsonProcessingException out = e;
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonProcessingException j) {
                out = j;
            }
        }
        return out;
    }

    /** {@code cameras[5].files[0].name}, from the parser's reference chain; empty at the top. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String kind(Class<?> type) {
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        return type == Boolean.class || type == boolean.class ? "true or false" : "a " + type.getSimpleName();
    }

    private static String at(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** The first line of {@code text}, control characters replaced, at most {@value #MAX_DETAIL} characters. */
    private static String oneLine(String text) {
        String s = text == null ? "" : text.lines().findFirst().orElse("");
        s = s.replaceAll("\\p{Cntrl}", "?");
        return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL) + "…";
    }
}
