package io.camrig.http.download;

import io.camrig.http.DownloadProgress;
import io.camrig.http.DownloadResult;
import io.camrig.http.model.MediaFile;
import java.nio.file.Path;

/** What a {@link RigDownloader} run reports, per camera and file. */
public sealed interface DownloadEvent {

    /** The camera's label, as given in its {@link DownloadJob}. */
    String camera();

    /** Turbo transfer was switched on ({@code on}) or off for this camera. */
    record Turbo(String camera, boolean on) implements DownloadEvent {
    }

    /** Turbo transfer could not be switched; downloads go on at normal speed. */
    record TurboFailed(String camera, boolean on, Throwable error) implements DownloadEvent {
    }

    /** Progress of one file before it completes ({@link Completed} replaces the final item). */
    record Progress(String camera, MediaFile file, DownloadProgress progress) implements DownloadEvent {
    }

    /** One file is verified and in place: {@code result} says where, its SHA-256, and whether it was renamed. */
    record Completed(String camera, MediaFile file, DownloadResult result) implements DownloadEvent {
        /** Where the file is. */
        public Path path() {
            return result.path();
        }
    }

    /** One file failed with a typed camrig error (after its resumes). */
    record Failed(String camera, MediaFile file, Throwable error) implements DownloadEvent {
    }

    /** One file was not tried: an earlier file of the same camera failed transiently (camera gone). */
    record Skipped(String camera, MediaFile file) implements DownloadEvent {
    }
}
