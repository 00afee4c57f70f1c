package io.camrig.http.download;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.DownloadOptions;
import io.camrig.http.model.MediaFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to download from one camera in a {@link RigDownloader} run.
 *
 * @param camera a label for the camera in events, for example its serial number; never a secret
 * @param client the camera's client
 * @param files the files to fetch, in order
 * @param targetDir where they land, each as {@code targetDir/<camera folder>/<name>}
 * @param options deadline, minimum rate, name clash policy of each file
 */
public record DownloadJob(String camera, CameraHttpClient client, List<MediaFile> files, Path targetDir,
        DownloadOptions options) {
    public DownloadJob {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(client, "client");
        files = List.copyOf(files);
        Objects.requireNonNull(targetDir, "targetDir");
        Objects.requireNonNull(options, "options");
    }

    /** A job with {@link DownloadOptions#defaults()}. */
    public DownloadJob(String camera, CameraHttpClient client, List<MediaFile> files, Path targetDir) {
        this(camera, client, files, targetDir, DownloadOptions.defaults());
    }

    /** Where {@code file} lands: {@code targetDir/<directory>/<name>}. */
    public Path target(MediaFile file) {
        return targetDir.resolve(file.directory()).resolve(file.name());
    }
}
