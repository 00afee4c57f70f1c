package io.camrig.engine.take;

import java.util.Objects;
import java.util.Optional;

/**
 * One take found under a media directory ({@link TakeStore#scan}): its manifest, or why its
 * manifest cannot be read. Exactly one of the two is present.
 *
 * @param takeId the take's directory name
 * @param manifest its manifest, when readable
 * @param error why it is not, when it is not
 */
public record TakeListing(String takeId, Optional<TakeManifest> manifest, Optional<TakeManifestException> error) {
    public TakeListing {
        Objects.requireNonNull(takeId, "takeId");
        if (manifest.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a take listing has a manifest or an error, not both or neither");
        }
    }

    /** A take whose manifest was read. */
    public static TakeListing of(TakeManifest manifest) {
        return new TakeListing(manifest.takeId(), Optional.of(manifest), Optional.empty());
    }

    /** A take whose manifest cannot be read. */
    public static TakeListing unreadable(TakeManifestException error) {
        return new TakeListing(error.takeId(), Optional.empty(), Optional.of(error));
    }
}
