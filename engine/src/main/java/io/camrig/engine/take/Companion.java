package io.camrig.engine.take;

import io.camrig.http.model.MediaFile;
import java.util.Locale;
import java.util.Optional;

/**
 * The files a GoPro keeps beside a video, fetched on request ({@code camrig offload --with
 * lrv,thm}) into the take beside the main file and recorded in the manifest like it (size,
 * SHA-256, state).
 *
 * <ul>
 *   <li>{@link #LRV}: the low-resolution video. The media list gives its size ({@code glrv}, or
 *       {@code ls} when not -1, on the video's entry; schema {@code SingleMediaListItem}); its name
 *       is the video's with the second letter {@code L} and the extension {@code .LRV}
 *       ({@code GX010001.MP4} → {@code GL010001.LRV}, GoPro's file naming); it is downloaded from
 *       {@code /videos/DCIM/<folder>/<name>} like any file: resumable, size-checked, SHA-256 while
 *       streaming. Only listed when the camera lists a size.</li>
 *   <li>{@link #THM}: the thumbnail, from {@code GET /gopro/media/thumbnail?path=<folder>/<video>}
 *       ({@code OGP_MEDIA_THUMBNAIL}), stored as the video's name with {@code .THM}; its size is
 *       only known once fetched (the manifest's size is then the bytes received).</li>
 *   <li>{@link #RAW}: the RAW version of a photo the media list marks {@code "raw": "1"} ({@link
 *       MediaFile#rawName()}: {@code GOPR0039.JPG} → {@code GOPR0039.GPR}). Not a derivative but
 *       the camera's own data, so always fetched, asked for or not ({@link #always()}); its size is
 *       not listed ({@link TakeFile#SIZE_NOT_LISTED}): taken from the download, which is resumable
 *       and checked against the response's {@code Content-Length}. Its name is GoPro's file naming,
 *       not the spec's (which does not name it); not seen on a real camera here.</li>
 * </ul>
 */
public enum Companion {
    /** The low-resolution video ({@code .LRV}). */
    LRV,
    /** The thumbnail ({@code .THM}). */
    THM,
    /** The RAW photo ({@code .GPR}) beside a photo listed with {@code raw}. */
    RAW;

    /** {@code true} for a companion fetched whether asked for or not: the camera's own data, not a copy. */
    public boolean always() {
        return this == RAW;
    }

    /** {@code true} for a queued file that is some photo's RAW version ({@link #RAW}). */
    public static boolean isRaw(TakeFile file) {
        return file.companionOf() != null && file.name().toUpperCase(Locale.ROOT).endsWith(".GPR");
    }

    /** Parses {@code lrv} or {@code thm} (any case). */
    public static Companion parse(String text) {
        Companion c;
        try {
            c = valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            c = null;
        }
        if (c == null || c.always()) {
            throw new IllegalArgumentException("unknown companion '" + text + "': use lrv or thm (RAW photos always come)");
        }
        return c;
    }


    /**
     * This companion of {@code video} as a file to fetch, when the camera offers it: LRV only when
     * the media list gives its size and the video's name follows GoPro's naming ({@code G?nnnnnn.MP4});
     * RAW only for a photo listed with {@code raw} (any name with an extension).
     */
    public Optional<TakeFile> of(MediaFile video) {
        if (this == RAW) {
            return video.rawName().map(gpr -> TakeFile.pending(video.directory(), gpr, TakeFile.SIZE_NOT_LISTED,
                    video.created().getEpochSecond()).withCompanionOf(video.name()));
        }
        String n = video.name();
        boolean named = n.length() == 12 && n.charAt(0) == 'G' && n.toUpperCase(Locale.ROOT).endsWith(".MP4");
        if (!named) {
            return Optional.empty();
        }
        String stem = n.substring(0, n.length() - 4);
        long created = video.created().getEpochSecond();
        if (this == LRV) {
            return video.lowResolutionSize() < 0 ? Optional.empty() : Optional.of(TakeFile.pending(video.directory(),
                    "GL" + stem.substring(2) + ".LRV", video.lowResolutionSize(), created).withCompanionOf(n));
        }
        return Optional.of(TakeFile.pending(video.directory(), stem + ".THM", 0, created).withCompanionOf(n));
    }
}
