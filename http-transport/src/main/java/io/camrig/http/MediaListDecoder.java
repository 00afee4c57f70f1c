package io.camrig.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.http.model.MediaDirectory;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.MediaGroup;
import io.camrig.http.model.MediaList;
import io.camrig.http.model.PathNames;
import io.camrig.http.model.RejectedMedia;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the body of {@code GET /gopro/media/list} (Open GoPro HTTP API 2.0, {@code
 * OGP_MEDIA_LIST}, schemas {@code MediaList}, {@code SingleMediaListItem}, {@code
 * GroupedMediaListItem}) into a {@link MediaList}.
 *
 * <p>Tolerant where the camera varies: every number may come as a JSON string ({@code "s":
 * "4194304"}, as cameras send them) or as a JSON number; unknown fields are ignored; a missing
 * {@code id} becomes {@code ""}; a missing {@code m} of a group is empty. Strict where it matters:
 * the root must be an object with a {@code media} array; each directory needs {@code d} and an
 * {@code fs} array; each file needs {@code n}, {@code cre}, {@code mod} and {@code s} as whole
 * numbers (a size is non-negative bytes); an entry with a {@code g} key is a group and also needs
 * {@code g}, {@code b} and {@code l}. Anything else raises {@link MediaFormatException} naming
 * the JSON path, for example {@code media[0].fs[3].s}, except in a group: a group that breaks
 * these rules or whose members cannot be named ({@link MediaGroup#problem()}) is left out and
 * listed in {@link MediaList#rejected()}, its reason naming the path. An entry whose folder or name cannot be one
 * local path segment ({@link PathNames#isSafeSegment}: {@code ../x}, {@code /etc/passwd}, a
 * control character, {@code .}, more than 255 bytes …) is not an error: it is left out and listed
 * in {@link MediaList#rejected()}, and the rest of the list stands.
 */
public final class MediaListDecoder {
    private static final String OPERATION = "GET /gopro/media/list";

    private final String camera;
    private final List<RejectedMedia> rejected = new ArrayList<>();

    private MediaListDecoder(String camera) {
        this.camera = camera;
    }

    /**
     * Decodes a media list body.
     *
     * @param json the response body, UTF-8 JSON
     * @return the decoded list
     * @throws MediaFormatException when the body is not JSON or breaks the rules above
     */
    public static MediaList decode(byte[] json) {
        return decode(json, null);
    }

    /** As {@link #decode(byte[])}, naming {@code camera} (a base URI, never credentials) in errors. */
    public static MediaList decode(byte[] json, String camera) {
        return new MediaListDecoder(camera).list(JsonBodies.readTree(json, camera, OPERATION));
    }

    private MediaList list(JsonNode root) {
        if (!root.isObject()) {
            throw fail("$", "media list is not a JSON object");
        }
        JsonNode media = root.get("media");
        if (media == null || !media.isArray()) {
            throw fail("media", "missing or not an array");
        }
        List<MediaDirectory> dirs = new ArrayList<>(media.size());
        for (int i = 0; i < media.size(); i++) {
            MediaDirectory d = directory(media.get(i), "media[" + i + "]");
            if (d != null) {
                dirs.add(d);
            }
        }
        JsonNode id = root.get("id");
        return new MediaList(id == null || id.isNull() ? "" : id.asText(), dirs, rejected);
    }

    private MediaDirectory directory(JsonNode node, String path) {
        String dir = text(node, "d", path);
        JsonNode fs = node.get("fs");
        if (fs == null || !fs.isArray()) {
            throw fail(path + ".fs", "missing or not an array");
        }
        List<MediaFile> files = new ArrayList<>();
        List<MediaGroup> groups = new ArrayList<>();
        boolean dirUnsafe = !PathNames.isSafeSegment(dir);
        for (int i = 0; i < fs.size(); i++) {
            String at = path + ".fs[" + i + "]";
            JsonNode entry = fs.get(i);
            if (!entry.isObject()) {
                throw fail(at, "not a JSON object");
            }
            String name = text(entry, "n", at);
            if (dirUnsafe || !PathNames.isSafeSegment(name)) {
                // Left out, never fatal: one hostile entry must not keep the rest of the card from being fetched.
                rejected.add(new RejectedMedia(at, PathNames.shown(dir), PathNames.shown(name),
                        unsafeReason(dirUnsafe ? dir : name, dirUnsafe ? "folder" : "file name"), timeOrNull(entry, at)));
                continue;
            }
            if (entry.has("g")) {
                group(dir, name, entry, at).ifPresent(groups::add);
                continue;
            }
            try {
                files.add(new MediaFile(dir, text(entry, "n", at), number(entry, "s", at),
                        time(entry, "cre", at), time(entry, "mod", at), lowResolutionSize(entry, at),
                        raw(entry)));
            } catch (IllegalArgumentException e) {
                throw fail(at, e.getMessage());
            }
        }
        if (dirUnsafe) {
            return null;
        }
        try {
            return new MediaDirectory(dir, files, groups);
        } catch (IllegalArgumentException e) {
            throw fail(path + ".d", e.getMessage());
        }
    }

    /** {@code mod} when it can be read, else {@code null} (a rejected entry is not an error). */
    private Instant timeOrNull(JsonNode entry, String at) {
        try {
            return time(entry, "mod", at);
        } catch (MediaFormatException e) {
            return null;
        }
    }

    private static String unsafeReason(String value, String what) {
        try {
            PathNames.requireSegment(value, what);
            return what + " cannot be a path";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** {@code raw} as a real camera sends it, {@code "1"} (or the number 1): anything else is no RAW version. */
    private static boolean raw(JsonNode entry) {
        JsonNode v = entry.get("raw");
        return v != null && (v.isTextual() ? v.asText().trim().equals("1") : v.isIntegralNumber() && v.asLong() == 1);
    }

    /** {@code glrv} (the LRV's size), else {@code ls} when not -1, else -1: none listed. */
    private long lowResolutionSize(JsonNode entry, String at) {
        for (String key : new String[]{"glrv", "ls"}) {
            JsonNode v = entry.get(key);
            if (v != null && !v.isNull()) {
                long size = parse(v, at + "." + key);
                if (size >= 0) {
                    return size;
                }
            }
        }
        return -1;
    }

    /**
     * A group whose members can be named, else empty with the entry in {@link #rejected}: a group
     * the camera sent broken (a field missing, ids reversed or past 9999, a name not {@code
     * GXXXYYYY.EXT} ending in its first id) never keeps the rest of the card from being fetched.
     */
    private java.util.Optional<MediaGroup> group(String dir, String name, JsonNode entry, String at) {
        String reason;
        try {
            MediaGroup g = group(dir, entry, at);
            java.util.Optional<String> problem = g.problem();
            if (problem.isEmpty()) {
                return java.util.Optional.of(g);
            }
            reason = problem.get();
        } catch (MediaFormatException e) {
            reason = "group: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            reason = "group '" + name + "': " + e.getMessage();
        }
        rejected.add(new RejectedMedia(at, PathNames.shown(dir), PathNames.shown(name), reason, timeOrNull(entry, at)));
        return java.util.Optional.empty();
    }

    private MediaGroup group(String dir, JsonNode entry, String at) {
        List<Integer> missing = new ArrayList<>();
        JsonNode m = entry.get("m");
        if (m != null && !m.isNull()) {
            if (!m.isArray()) {
                throw fail(at + ".m", "not an array");
            }
            for (int i = 0; i < m.size(); i++) {
                missing.add(toInt(parse(m.get(i), at + ".m[" + i + "]"), at + ".m[" + i + "]"));
            }
        }
        JsonNode t = entry.get("t");
        return new MediaGroup(dir, text(entry, "n", at), time(entry, "cre", at), time(entry, "mod", at),
                toInt(number(entry, "g", at), at + ".g"), t == null || t.isNull() ? "" : t.asText(),
                toInt(number(entry, "b", at), at + ".b"), toInt(number(entry, "l", at), at + ".l"),
                missing, number(entry, "s", at));
    }

    private String text(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw fail(path + "." + key, "missing or not a string");
        }
        return v.asText();
    }

    private long number(JsonNode node, String key, String path) {
        long value = parse(node.get(key), path + "." + key);
        if (value < 0) {
            throw fail(path + "." + key, "negative: " + value);
        }
        return value;
    }

    private Instant time(JsonNode node, String key, String path) {
        try {
            return Instant.ofEpochSecond(number(node, key, path));
        } catch (DateTimeException e) {
            throw fail(path + "." + key, "not a time in seconds since the epoch");
        }
    }

    private long parse(JsonNode v, String path) {
        if (v == null || v.isNull()) {
            throw fail(path, "missing");
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        String shown = v.asText();
        throw fail(path, "not a whole number: '" + (shown.length() > 32 ? shown.substring(0, 32) + "…" : shown) + "'");
    }

    private int toInt(long value, String path) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw fail(path, "out of range: " + value);
        }
        return (int) value;
    }

    private MediaFormatException fail(String path, String what) {
        return new MediaFormatException(path + ": " + what, camera, OPERATION, null);
    }
}
