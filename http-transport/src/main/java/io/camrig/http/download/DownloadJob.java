package io.camrig.http.download;

import io.camrig.http.CameraHttpClient;
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
 * @param targetDir where they land, each under its own name
 */
public record DownloadJob(String camera, CameraHttpClient client, List<MediaFile> files, Path targetDir) {
    public DownloadJob {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(client, "client");
        files = List.copyOf(files);
        Objects.requireNonNull(targetDir, "targetDir");
    }
}
