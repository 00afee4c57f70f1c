package io.camrig.engine.offload;

import io.camrig.engine.take.TakeFile;
import io.camrig.footage.FootageReader;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.DownloadOptions;
import io.camrig.http.DownloadResult;
import io.camrig.http.ExistingFilePolicy;
import io.camrig.http.FilePlacement;
import io.camrig.http.model.MediaInfo;
import io.camrig.http.model.MediaPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the {@link Offloader} does around a file besides downloading it: the media-info check
 * after a download, and the thumbnail companion's fetch (a small body, not a download).
 */
final class FileChecks {
    /** The media info's duration is whole seconds: a file's own duration may differ by up to one. */
    private static final double DURATION_SLACK_MS = 1000;

    private FileChecks() {
    }

    /**
     * Compares the camera's media info for {@code file} ({@code GET /gopro/media/info}) with what
     * arrived: its creation time {@code cre} (when given) with the one listed when the file was
     * queued ({@link #sameCreation}: the two differ by a time-zone offset on real cameras), its size {@code s} with the bytes received, and for an MP4 its duration {@code dur}
     * (seconds) with the file's {@code mvhd} duration. A camera that offers no media info for the
     * file (an error answer, a companion file) is not checked; an MP4 whose boxes cannot be read
     * has only its size checked (the footage reader reports it later).
     *
     * @return empty when the file agrees or cannot be checked; the mismatch otherwise
     */
    static Mono<Optional<MediaInfoMismatchException>> mediaInfo(CameraHttpClient client, String camera, TakeFile file,
            DownloadResult result) {
        if (file.companionOf() != null) {
            return Mono.just(Optional.empty());
        }
        MediaPath path = new MediaPath(file.folder(), file.name());
        return client.media().info(path)
                .map(Optional::of)
                .onErrorResume(e -> Mono.just(Optional.empty()))
                .flatMap(info -> info.isEmpty() ? Mono.just(Optional.<MediaInfoMismatchException>empty())
                        : Mono.fromCallable(() -> compare(info.get(), camera, path, file, result))
                                .subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * Whether the creation time {@code cre} of a file's media info ({@code GET /gopro/media/info})
     * and the one its media list entry gave can be the same recording's. They are not equal on real
     * cameras: the official SDK's vectors captured from cameras show, for the same file (same size),
     * a video's list {@code cre} 1659744181 against its media info's 1659769382 (7 h 0 min 1 s: a
     * time-zone offset and a second) and a photo's 1648787121 against 1648787120. So two values
     * match when they differ by a whole number of quarter hours (every time-zone offset is one), up
     * to 14 h, give or take {@value #CRE_SLACK_SECONDS} s; a value of 0 (not given) matches any.
     * A card formatted and recorded again gives a creation time that differs otherwise, except by
     * a chance of about 1 in 180.
     */
    static boolean sameCreation(long listed, long described) {
        if (listed == 0 || described == 0) {
            return true;
        }
        long d = Math.abs(listed - described);
        long offQuarter = Math.min(d % QUARTER_HOUR, QUARTER_HOUR - d % QUARTER_HOUR);
        return d <= MAX_ZONE_OFFSET_SECONDS + CRE_SLACK_SECONDS && offQuarter <= CRE_SLACK_SECONDS;
    }

    private static final long QUARTER_HOUR = 900;
    private static final long MAX_ZONE_OFFSET_SECONDS = 14 * 3600;
    static final long CRE_SLACK_SECONDS = 2;

    private static Optional<MediaInfoMismatchException> compare(MediaInfo info, String camera, MediaPath path,
            TakeFile file, DownloadResult result) {
        long created = info.created().getEpochSecond();
        if (!sameCreation(file.createdEpochSeconds(), created)) {
            // The card changed since it was listed (formatted, the name recorded again): these bytes are not the file queued.
            return Optional.of(new MediaInfoMismatchException("the camera's media info says " + path + " was created at "
                    + created + " (cre) but the file queued was listed as created at " + file.createdEpochSeconds()
                    + ": another recording has that name now", camera, path.toString()));
        }
        if (info.sizeBytes() != result.bytes()) {
            return Optional.of(new MediaInfoMismatchException("the camera's media info says " + path + " is "
                    + info.sizeBytes() + " bytes but " + result.bytes() + " were received (cut short?)", camera,
                    path.toString()));
        }
        if (info.durationSeconds().isPresent() && path.toString().toUpperCase(Locale.ROOT).endsWith(".MP4")) {
            double footage;
            try {
                footage = FootageReader.read(result.path()).durationMillis();
            } catch (IOException | RuntimeException unreadable) {
                return Optional.empty();
            }
            long dur = info.durationSeconds().getAsLong();
            if (Math.abs(dur * 1000.0 - footage) > DURATION_SLACK_MS) {
                return Optional.of(new MediaInfoMismatchException(String.format(Locale.ROOT,
                        "the camera's media info says %s lasts %d s but the file's own duration is %.1f s", path, dur,
                        footage / 1000), camera, path.toString()));
            }
        }
        return Optional.empty();
    }

    /**
     * Asks the camera's serial again ({@code GET /gopro/camera/info}) once a file has arrived:
     * another serial means the bytes may be another camera's (a host whose Wi-Fi fell onto
     * another camera's AP mid-offload, at the same address). Then what this download wrote (not
     * a file that was already there) is deleted, and the check fails.
     *
     * @return empty when the same camera answers; {@link WrongCameraException} when another does;
     *     the query's own error when none answers (the file is then not credited either)
     */
    static Mono<Void> sameCamera(CameraHttpClient client, String serial, DownloadResult result) {
        return client.query().info().flatMap(info -> info.serialNumber().equals(serial) ? Mono.<Void>empty()
                : Mono.<Void>fromRunnable(() -> {
                    if (result.disposition() != DownloadResult.Disposition.IDENTICAL) {
                        try {
                            Files.deleteIfExists(result.path());
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot remove " + result.path()
                                    + ", which another camera's bytes may fill: " + e.getMessage(), e);
                        }
                    }
                }).subscribeOn(Schedulers.boundedElastic())
                        .then(Mono.error(new WrongCameraException(serial, info.serialNumber(),
                                client.baseUri().toString()))));
    }

    /**
     * Fetches a video's thumbnail ({@code GET /gopro/media/thumbnail?path=}) into {@code target}
     * atomically (a temporary file beside it, forced to disk, then placed as a download is: never
     * over a different file, which {@code existing} decides about), hashed from memory.
     *
     * @return where it is, its size and SHA-256
     */
    static Mono<DownloadResult> thumbnail(CameraHttpClient client, TakeFile file, Path target, ExistingFilePolicy existing) {
        MediaPath video = new MediaPath(file.folder(), file.companionOf());
        return client.media().thumbnail(video)
                .flatMap(bytes -> Mono.fromCallable(() -> write(target, bytes, existing, client.baseUri().toString(),
                        "GET /gopro/media/thumbnail?path=" + video)).subscribeOn(Schedulers.boundedElastic()));
    }

    private static DownloadResult write(Path target, byte[] bytes, ExistingFilePolicy existing, String camera,
            String operation) {
        Path tmp = target.resolveSibling(DownloadOptions.partName(target.getFileName().toString()));
        try {
            Files.createDirectories(target.getParent());
            // A stream, not a FileChannel: a cancel's interrupt cannot close it mid-write (and raise an
            // error nobody is left to receive).
            try (java.io.FileOutputStream out = new java.io.FileOutputStream(tmp.toFile())) {
                out.write(bytes);
                out.getFD().sync();
            }
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            // As a download lands: never over another file (renamed NAME~n.EXT, or refused, as the policy says).
            return FilePlacement.place(tmp, target, bytes.length, sha, existing, camera, operation);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);      // placed by a link, or refused: no temporary file stays
            } catch (IOException ignored) {
                // a leftover is a hidden partial name, never mistaken for the file
            }
        }
    }
}
