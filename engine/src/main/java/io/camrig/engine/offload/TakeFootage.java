package io.camrig.engine.offload;

import io.camrig.engine.sync.ManifestFacts;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * After an offload: reads what each verified video says about itself (firmware, camera id,
 * {@code mvhd} creation time and duration, {@code tmcd} start timecode, GPMF devices; {@link
 * ManifestFacts#footage}) into its manifest entry's {@code footage}, so every take's manifest
 * carries its footage facts, a card offload's as much as a recording session's. Only the headers
 * are read (a few KiB per file, never {@code mdat}).
 *
 * <p>Which files: {@code VERIFIED}, not a companion ({@code .LRV}, {@code .THM}), named {@code
 * .MP4} or {@code .360} (GoPro's MP4 containers; a photo has no {@code moov}), and with no facts
 * yet (a resumed offload reads only what it has not read). A file that cannot be read gets {@code
 * {"error": "footage of NAME unreadable: …"}}; it stays verified (its bytes are the camera's).
 */
public final class TakeFootage {
    private TakeFootage() {
    }

    /**
     * Reads the footage facts of every file of {@code queue}'s take that still needs them and
     * writes them to its manifest in one change (one manifest write for the whole take, not one
     * per file: a take of hundreds of clips would otherwise rewrite and {@code fsync} its manifest
     * hundreds of times; a process stopped before the write reads them again next time).
     *
     * @return completes once done; errors only when the manifest cannot be written. Blocking work
     *     runs on the bounded-elastic scheduler
     */
    public static Mono<Void> read(OffloadQueue queue) {
        return Mono.fromRunnable(() -> {
            Path dir = queue.store().takeDir(queue.manifest().takeId());
            Map<String, List<TakeFile>> read = new LinkedHashMap<>();
            for (TakeCamera cam : queue.manifest().cameras()) {
                for (TakeFile f : cam.files()) {
                    if (wanted(f)) {
                        read.computeIfAbsent(cam.serial(), k -> new ArrayList<>())
                                .add(f.withFootage(ManifestFacts.read(dir.resolve(f.path()))));
                    }
                }
            }
            if (!read.isEmpty()) {
                queue.update(m -> {
                    TakeManifest out = m;
                    for (Map.Entry<String, List<TakeFile>> e : read.entrySet()) {
                        out = out.updateCamera(e.getKey(), c -> {
                            TakeCamera x = c;
                            for (TakeFile f : e.getValue()) {
                                x = x.withFile(f);
                            }
                            return x;
                        });
                    }
                    return out;
                });
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** {@code true} for a verified video of the camera's own with no footage facts yet. */
    static boolean wanted(TakeFile f) {
        return f.verified() && f.footage().isEmpty() && f.companionOf() == null && f.path() != null && isVideo(f.name());
    }

    /**
     * {@code true} for a name GoPro gives its MP4 containers ({@code .MP4}, a MAX's {@code .360},
     * any case): the files whose footage can be read. A photo ({@code .JPG}, {@code .GPR}) has none.
     */
    public static boolean isVideo(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.endsWith(".MP4") || upper.endsWith(".360");
    }
}
