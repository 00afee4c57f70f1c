package io.camrig.engine.offload;

import io.camrig.engine.take.Companion;
import io.camrig.http.DownloadOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable settings of an {@link Offloader} run; change them with the {@code with…} methods.
 *
 * @param maxParallel how many COHN/USB cameras offload at once (AP cameras: one at a time per
 *     host interface); default 8: a real camera's link (its Wi-Fi, COHN, USB: tens of MB/s) is
 *     the limit of its own download, so cameras in parallel add up until the host's CPU or a
 *     shared link is; 8 cameras each shaped to 30 MB/s offloaded in 6.9 s at 8 against 10.7 s
 *     at 4 (38 s one by one), through one shared 60 MB/s link in the same time at 1 to 8, and on
 *     loopback (CPU-bound) no slower (BENCHMARKS.md, "How many cameras at once")
 * @param turbo switch turbo transfer on around each camera's offload (default true)
 * @param deleteAfterVerify delete each file from the camera once it is verified (default false)
 * @param joinTimeout how long joining a camera's AP may take (default 30 s)
 * @param download deadline, minimum rate and name clash policy of each file
 * @param companions the companion files to fetch beside each video (LRV, THM); default none
 * @param checkMediaInfo after each download, compare the camera's media info ({@code GET
 *     /gopro/media/info}: size {@code s}, duration {@code dur}) with what was received; default true
 */
public record OffloadOptions(int maxParallel, boolean turbo, boolean deleteAfterVerify, Duration joinTimeout,
        DownloadOptions download, Set<Companion> companions, boolean checkMediaInfo) {

    /** Cameras offloaded at once by default over COHN and USB: 8 (see {@code maxParallel}). */
    public static final int DEFAULT_MAX_PARALLEL = 8;

    private static final OffloadOptions DEFAULTS = new OffloadOptions(DEFAULT_MAX_PARALLEL, true, false, Duration.ofSeconds(30),
            DownloadOptions.defaults(), Set.of(), true);

    public OffloadOptions {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be >= 1, was " + maxParallel);
        }
        Objects.requireNonNull(joinTimeout, "joinTimeout");
        Objects.requireNonNull(download, "download");
        companions = companions == null || companions.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(companions));
    }

    /** 8 in parallel, turbo on, keep files on the camera, 30 s to join, default downloads, no companions, media info checked. */
    public static OffloadOptions defaults() {
        return DEFAULTS;
    }

    public OffloadOptions withMaxParallel(int n) {
        return new OffloadOptions(n, turbo, deleteAfterVerify, joinTimeout, download, companions, checkMediaInfo);
    }

    public OffloadOptions withTurbo(boolean on) {
        return new OffloadOptions(maxParallel, on, deleteAfterVerify, joinTimeout, download, companions, checkMediaInfo);
    }

    public OffloadOptions withDeleteAfterVerify(boolean delete) {
        return new OffloadOptions(maxParallel, turbo, delete, joinTimeout, download, companions, checkMediaInfo);
    }

    public OffloadOptions withJoinTimeout(Duration timeout) {
        return new OffloadOptions(maxParallel, turbo, deleteAfterVerify, timeout, download, companions, checkMediaInfo);
    }

    public OffloadOptions withDownload(DownloadOptions options) {
        return new OffloadOptions(maxParallel, turbo, deleteAfterVerify, joinTimeout, options, companions, checkMediaInfo);
    }

    public OffloadOptions withCompanions(Set<Companion> kinds) {
        return new OffloadOptions(maxParallel, turbo, deleteAfterVerify, joinTimeout, download, kinds, checkMediaInfo);
    }

    public OffloadOptions withCheckMediaInfo(boolean check) {
        return new OffloadOptions(maxParallel, turbo, deleteAfterVerify, joinTimeout, download, companions, check);
    }
}
