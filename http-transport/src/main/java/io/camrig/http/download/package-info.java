/**
 * Media offload across a rig: {@link io.camrig.http.download.RigDownloader} downloads many
 * cameras' files with bounded parallelism and per-camera isolation, switching each camera's turbo
 * transfer on around its downloads and off after, and reports {@link
 * io.camrig.http.download.DownloadEvent}s.
 */
package io.camrig.http.download;
