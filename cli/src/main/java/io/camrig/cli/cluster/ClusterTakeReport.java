package io.camrig.cli.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camrig.cli.console.TerminalText;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The take part of {@code camrig demo --nodes}: per camera its serial and file (with the start of
 * its SHA-256), and once per take where its manifest is, the footage's spread across every node's
 * cameras and how many files each node stored; in JSON the same as fields. Camera-provided text
 * is escaped.
 */
final class ClusterTakeReport {
    private ClusterTakeReport() {
    }

    /** One camera's take in a few columns: serial, file, size, SHA-256 prefix; or why nothing landed. */
    static String camera(TakeCamera c) {
        TakeFile f = c.files().stream().filter(x -> x.companionOf() == null).findFirst().orElse(null);
        String file = f == null ? "no file" : f.verified()
                ? String.format(Locale.ROOT, "%s %d B sha256 %s…", f.cameraPath(), f.size(), f.sha256().substring(0, 12))
                : f.cameraPath() + " " + f.state();
        return TerminalText.safe(c.serial() + "  " + file) + (c.late() ? "  FLAGGED: " + TerminalText.safe(c.lateReason()) : "");
    }

    static void text(TakeManifest m, Path mediaDir, PrintWriter out) {
        Path manifest = mediaDir.toAbsolutePath().resolve(m.takeId()).resolve("take.json");
        out.printf("%ntake %s: manifest %s%n", m.takeId(), manifest);
        out.printf("  camrig takes show %s --media-dir %s   (verify: camrig takes verify %s --media-dir %s)%n", m.takeId(),
                mediaDir, m.takeId(), mediaDir);
        if (m.extensions().get("sync") instanceof Map<?, ?> sync) {
            out.printf("  footage across nodes: start timecode spread %s frames, footage spread %s ms, %s%n",
                    sync.get("timecodeSpreadFrames") == null ? "-" : sync.get("timecodeSpreadFrames"),
                    number(sync.get("footageSpreadMs")), Boolean.TRUE.equals(sync.get("ok")) ? "in sync"
                            : "FLAGGED: " + TerminalText.safe(String.valueOf(sync.get("flagged"))));
        }
        Map<String, long[]> perNode = new java.util.TreeMap<>();
        for (TakeCamera c : m.cameras()) {
            long[] n = perNode.computeIfAbsent(String.valueOf(c.node()), k -> new long[2]);
            n[0] += c.files().stream().filter(TakeFile::verified).count();
            n[1] += Math.max(1, c.files().size());
        }
        StringBuilder b = new StringBuilder("  files verified per node (each in its node's --media-dir):");
        perNode.forEach((node, n) -> b.append(' ').append(TerminalText.safe(node)).append(' ').append(n[0]).append('/').append(n[1]));
        out.println(b);
    }

    /** The camera's take fields in its JSON entry. */
    static void json(TakeCamera c, ObjectNode entry) {
        entry.put("serial", c.serial());
        entry.put("model", c.model());
        entry.put("firmware", c.firmware());
        entry.put("late", c.late());
        c.files().stream().filter(x -> x.companionOf() == null).findFirst().ifPresent(f -> {
            entry.put("file", f.cameraPath());
            entry.put("state", f.state().name());
            entry.put("bytes", f.size());
            if (f.sha256() != null) {
                entry.put("sha256", f.sha256());
            }
        });
    }

    /** The take's fields at the JSON report's root. */
    static void json(TakeManifest m, Path mediaDir, ObjectNode root) {
        ObjectNode t = root.putObject("take");
        t.put("id", m.takeId());
        t.put("manifest", mediaDir.toAbsolutePath().resolve(m.takeId()).resolve("take.json").toString());
        t.set("sync", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(m.extensions().get("sync")));
    }

    private static String number(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.1f", n.doubleValue()) : "-";
    }
}
