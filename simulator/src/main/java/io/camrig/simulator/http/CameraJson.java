package io.camrig.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.simulator.media.SdCard;
import io.camrig.simulator.media.SdCardFile;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the JSON bodies a camera sends, with numbers as strings where the camera does. */
final class CameraJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CameraJson() {
    }

    /**
     * {@code GET /gopro/media/list} (schema {@code MediaList}): {@code {"id": "…", "media": [{"d":
     * "100GOPRO", "fs": [{"n": "GX010001.MP4", "cre": "…", "mod": "…", "ls": "-1", "s": "…", "glrv": "…"}]}]}}
     * ({@code glrv}: the size of the recording's low-resolution video, when it has one), then each
     * group ({@code {"n": "G0010002.JPG", "g": "1", "b": "2", "l": "4", "cre": "…", "mod": "…",
     * "s": "<bytes>", "t": "b", "m": ["3"]}}, {@link io.camrig.simulator.media.SdCardGroup});
     * an empty card lists no directory.
     */
    static String mediaList(SdCard card) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", card.mediaListId());
        ArrayNode media = root.putArray("media");
        Map<String, ArrayNode> dirs = new LinkedHashMap<>();
        List<SdCardFile> files = new java.util.ArrayList<>(card.files());
        files.addAll(card.faults().listedOnly());
        for (SdCardFile f : files) {
            ArrayNode fs = entries(dirs, media, f.directory());
            String seconds = Long.toString(f.created().getEpochSecond());
            ObjectNode item = fs.addObject();
            item.put("n", f.name());
            item.put("cre", seconds);
            item.put("mod", seconds);
            item.put("ls", "-1");
            item.put("s", Long.toString(f.size()));
            card.videos().lowResolution(f).ifPresent(l -> item.put("glrv", Long.toString(l.size())));
            card.rawVersion(f).ifPresent(r -> item.put("raw", "1"));
        }
        for (io.camrig.simulator.media.SdCardGroup g : card.groups().all()) {
            ArrayNode fs = entries(dirs, media, g.directory());
            // In the shape real cameras send (the official SDK's vectors): numbers as strings, s in bytes.
            String seconds = Long.toString(g.created().getEpochSecond());
            ObjectNode item = fs.addObject();
            item.put("n", g.listedName());
            item.put("g", Integer.toString(g.number()));
            item.put("b", Integer.toString(g.first()));
            item.put("l", Integer.toString(g.last()));
            item.put("cre", seconds);
            item.put("mod", seconds);
            item.put("s", Long.toString(g.sizeBytes()));
            item.put("t", "b");
            ArrayNode m = item.putArray("m");
            g.deleted().stream().sorted().forEach(id -> m.add(Integer.toString(id)));
        }
        return write(root);
    }

    /** The {@code fs} array of directory {@code d} in {@code media}, added on first use. */
    private static ArrayNode entries(Map<String, ArrayNode> dirs, ArrayNode media, String d) {
        return dirs.computeIfAbsent(d, name -> {
            ObjectNode dir = media.addObject();
            dir.put("d", name);
            return dir.putArray("fs");
        });
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
