package io.camrig.engine.offload;

import io.camrig.engine.offload.OffloadEvent.KeptReason;
import io.camrig.engine.take.TakeFile;
import io.camrig.http.HttpStatusException;
import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.model.MediaInfo;
import io.camrig.http.model.MediaPath;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code --delete-after-verify}: deletes a file from its camera once it is verified, and only
 * when nothing can be lost by it. The {@link Offloader} calls it after the manifest recording the
 * file {@code VERIFIED} is on disk; then, in order:
 * <ol>
 *   <li>the local copy is still the size verified and is forced to disk again, with its directory
 *       (a copy that was already there, {@code IDENTICAL}, or a download made without {@code
 *       fsync}, is durable too before its only other copy goes);</li>
 *   <li>the camera answering is still the one credited ({@code GET /gopro/camera/info}, its
 *       serial: over an AP the host may have moved to another camera's);</li>
 *   <li>the camera's file at that path is still the one verified ({@code GET /gopro/media/info}:
 *       size {@code s} equal to the manifest's and creation time {@code cre}, when given, the same
 *       up to a time-zone offset ({@link FileChecks#sameCreation}); a card
 *       formatted and recorded again reuses names);</li>
 *   <li>{@code GET /gopro/media/delete/file}; then the media info is asked again: an error status
 *       means the file is gone, an answer that it is still there.</li>
 * </ol>
 * Any step that does not hold leaves the file on the camera with {@link OffloadEvent.KeptOnCamera}
 * saying why; this never fails the file, which stays verified, and never errors.
 */
final class CameraDeletion {
    private CameraDeletion() {
    }

    /**
     * Deletes {@code file} (verified at {@code local}) from {@code camera}.
     *
     * @return {@link OffloadEvent.DeletedFromCamera} once the camera no longer describes it, else
     *     {@link OffloadEvent.KeptOnCamera}; never errors
     */
    static Mono<OffloadEvent> delete(OffloadCamera camera, TakeFile file, Path local) {
        CameraHttpClient client = camera.client();
        MediaPath path = new MediaPath(file.folder(), file.name());
        return Mono.fromCallable(() -> durable(local, file.size()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(notDurable -> notDurable.isPresent()
                        ? kept(camera, file, KeptReason.UNCONFIRMED, notDurable.get())
                        : client.query().info().flatMap(info -> info.serialNumber().equals(camera.serial())
                                ? sameFile(camera, file, path)
                                : kept(camera, file, KeptReason.OTHER_CAMERA, "camera " + info.serialNumber()
                                        + " answers at " + client.baseUri() + " now")))
                .onErrorResume(e -> kept(camera, file, KeptReason.UNCONFIRMED, "could not check the camera before "
                        + "deleting: " + describe(e)));
    }

    private static Mono<OffloadEvent> sameFile(OffloadCamera camera, TakeFile file, MediaPath path) {
        CameraHttpClient client = camera.client();
        return client.media().info(path).flatMap(info -> {
            Optional<String> changed = changed(file, info);
            if (changed.isPresent()) {
                return kept(camera, file, KeptReason.FILE_CHANGED, changed.get());
            }
            return client.media().deleteFile(path)
                    .then(Mono.defer(() -> gone(camera, file, path)))
                    .onErrorResume(e -> kept(camera, file, KeptReason.REFUSED, "the camera refused: " + describe(e)));
        });
    }

    /** After the camera said it deleted the file: an error status for its media info means gone. */
    private static Mono<OffloadEvent> gone(OffloadCamera camera, TakeFile file, MediaPath path) {
        return camera.client().media().info(path)
                .flatMap(still -> kept(camera, file, KeptReason.STILL_ON_CAMERA, "the camera said " + path
                        + " was deleted but still describes it (" + still.sizeBytes() + " bytes)"))
                .onErrorResume(HttpStatusException.class,
                        e -> Mono.just(new OffloadEvent.DeletedFromCamera(camera.serial(), file)))
                .onErrorResume(e -> !(e instanceof HttpStatusException), e -> kept(camera, file, KeptReason.UNCONFIRMED,
                        "the camera said " + path + " was deleted, but that could not be confirmed: " + describe(e)));
    }

    /** What differs between the file verified and the camera's file at its path now, if anything. */
    static Optional<String> changed(TakeFile file, MediaInfo info) {
        if (info.sizeBytes() != file.size()) {
            return Optional.of("the camera's " + file.cameraPath() + " is " + info.sizeBytes() + " bytes now, the file "
                    + "verified " + file.size() + ": another recording has that name");
        }
        long created = info.created().getEpochSecond();
        if (!FileChecks.sameCreation(file.createdEpochSeconds(), created)) {
            return Optional.of("the camera's " + file.cameraPath() + " was created at " + created + " (cre), the file "
                    + "verified at " + file.createdEpochSeconds() + ": another recording has that name");
        }
        return Optional.empty();
    }

    /**
     * Forces {@code local} and its directory to disk after checking it holds {@code size} bytes.
     *
     * @return empty when it is durable; why not otherwise
     */
    private static Optional<String> durable(Path local, long size) {
        try {
            if (!Files.isRegularFile(local, LinkOption.NOFOLLOW_LINKS) || Files.size(local) != size) {
                return Optional.of("the verified copy " + local + " is no longer " + size + " bytes");
            }
            try (FileChannel ch = FileChannel.open(local, StandardOpenOption.READ)) {
                ch.force(true);
            }
            forceDirectory(local.getParent());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the verified copy " + local + " could not be forced to disk: " + describe(e));
        }
    }

    /** Forces a directory's entries to disk where the platform allows it (not on Windows). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (java.nio.file.AccessDeniedException | UnsupportedOperationException e) {
            // a platform that cannot open a directory for reading: its renames are durable by other means
        }
    }

    private static Mono<OffloadEvent> kept(OffloadCamera camera, TakeFile file, KeptReason reason, String detail) {
        return Mono.just(new OffloadEvent.KeptOnCamera(camera.serial(), file, reason, detail));
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
