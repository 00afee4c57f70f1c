package io.camrig.cli.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node JVM's live heap, asked with the JDK's {@code jcmd}: a full collection ({@code GC.run}),
 * then the generations' "used" of {@code GC.heap_info}, summed. Benchmarks only.
 */
final class NodeHeap {
    private static final Pattern USED = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");

    private NodeHeap() {
    }

    /** Live heap bytes of process {@code pid}, or -1 when jcmd is missing or says nothing usable. */
    static long liveBytes(long pid) {
        try {
            jcmd(pid, "GC.run");
            Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
            long used = -1;
            while (m.find()) {
                used = Math.max(used, 0) + Long.parseLong(m.group(1)) * 1024;
            }
            return used;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String jcmd(long pid, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", String.valueOf(pid), what).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
