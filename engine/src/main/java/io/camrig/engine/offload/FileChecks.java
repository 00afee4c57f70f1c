package io.camrig.engine.offload;

import io.camrig.engine.take.TakeFile;
import io.camrig.footage.FootageReader;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.DownloadResult;
import io.camrig.http.Sha256;
import io.camrig.http.model.MediaInfo;
import io.camrig.http.model.MediaPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
     * queued, its size {@code s} with the bytes received, and for an MP4 its duration {@code dur}
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

    private static Optional<MediaInfoMismatchException> compare(MediaInfo info, String camera, MediaPath path,
            TakeFile file, DownloadResult result) {
        long created = info.created().getEpochSecond();
        if (created != 0 && created != file.createdEpochSeconds()) {
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
     * Asks the camera answering at {@code camera}'s address for its serial ({@code GET
     * /gopro/camera/info}) again.
     *
     * @return completes when it is {@code camera}'s; errors with {@link WrongCameraException} when
     *     another camera answers (or with the request's error)
     */
    static Mono<Void> sameCamera(OffloadCamera camera) {
        return camera.client().query().info().flatMap(info -> info.serialNumber().equals(camera.serial())
                ? Mono.<Void>empty()
                : Mono.error(new WrongCameraException(camera.serial(), info.serialNumber(),
                        camera.client().baseUri().toString())));
    }

    /**
     * Fetches a video's thumbnail ({@code GET /gopro/media/thumbnail?path=}) into {@code target}
     * atomically (a temporary file beside it, forced to disk, then moved; never over a different
     * file), hashed from memory.
     *
     * @return where it is, its size and SHA-256
     */
    static Mono<DownloadResult> thumbnail(CameraHttpClient client, TakeFile file, Path target) {
        return client.media().thumbnail(new MediaPath(file.folder(), file.companionOf()))
                .flatMap(bytes -> Mono.fromCallable(() -> write(target, bytes)).subscribeOn(Schedulers.boundedElastic()));
    }

    private static DownloadResult write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".camrig-part");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            if (Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Sha256.of(target).equals(sha)) {
                Files.delete(tmp);
                return new DownloadResult(target, bytes.length, sha, DownloadResult.Disposition.IDENTICAL);
            }
            // Never over another file: a different one at the target fails this thumbnail (FileAlreadyExistsException).
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return new DownloadResult(target, bytes.length, sha, DownloadResult.Disposition.WRITTEN);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
