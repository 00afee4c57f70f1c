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
 *     host interface); default 4: on loopback one camera already saturates a core, and a real
 *     camera's Wi-Fi (tens of MB/s) leaves room for a few
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

    private static final OffloadOptions DEFAULTS = new OffloadOptions(4, true, false, Duration.ofSeconds(30),
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

    /** 4 in parallel, turbo on, keep files on the camera, 30 s to join, default downloads, no companions, media info checked. */
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
