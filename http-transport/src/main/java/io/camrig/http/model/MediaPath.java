package io.camrig.http.model;

/**
 * A file on the SD card named as the media endpoints take it: {@code directory/name}, for
 * example {@code 100GOPRO/GX010001.MP4} (query parameter {@code path} of {@code
 * /gopro/media/info}, {@code /gopro/media/gpmf} …, and {@code folder}/{@code file} of {@code
 * /gopro/media/last_captured}).
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a part is not a single path
 * segment.
 *
 * @param directory the directory, for example {@code 100GOPRO}; one path segment
 * @param name the file name, for example {@code GX010001.MP4}; one path segment
 */
public record MediaPath(String directory, String name) {

    public MediaPath {
        MediaFile.requirePathSegment(directory, "directory");
        MediaFile.requirePathSegment(name, "name");
    }

    /**
     * Parses {@code directory/name}.
     *
     * @throws IllegalArgumentException when there is not exactly one {@code /} between two names
     */
    public static MediaPath parse(String path) {
        int slash = path.indexOf('/');
        if (slash < 0 || path.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("a media path is DIRECTORY/NAME, was '" + path + "'");
        }
        return new MediaPath(path.substring(0, slash), path.substring(slash + 1));
    }

    /** The path of a listed file. */
    public static MediaPath of(MediaFile file) {
        return new MediaPath(file.directory(), file.name());
    }

    /** {@code directory/name}. */
    @Override
    public String toString() {
        return directory + "/" + name;
    }
}
