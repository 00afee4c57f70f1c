package io.camrig.simulator.media;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RAW versions ({@code .GPR}) a card keeps beside its RAW photos ({@link SdCard#addPhoto}):
 * the media list marks such a photo {@code "raw": "1"} and does not list its GPR, same directory
 * and stem, three times the photo's size (at least 1 KiB), downloaded like any file. A photo's
 * mark goes with the photo. Fault injection: a photo marked RAW whose GPR is not served. Thread-safe.
 */
final class RawVersions {
    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private final Set<String> withheld = ConcurrentHashMap.newKeySet();

    void mark(SdCardFile photo) {
        marked.add(photo.name());
    }

    void withhold(SdCardFile photo) {
        withheld.add(photo.name());
    }

    void serve(SdCardFile photo) {
        withheld.remove(photo.name());
    }

    void forget(String photoName) {
        marked.remove(photoName);
        withheld.remove(photoName);
    }

    void clear() {
        marked.clear();
        withheld.clear();
    }

    /** The GPR of {@code photo} as listed (marked), served or not. */
    Optional<SdCardFile> of(SdCardFile photo) {
        String n = photo.name();
        if (!marked.contains(n) || !n.endsWith(".JPG")) {
            return Optional.empty();
        }
        return Optional.of(new SdCardFile(photo.directory(), n.substring(0, n.length() - 4) + ".GPR",
                Math.max(1024, photo.size() * 3), photo.created()));
    }

    /** The GPR of {@code photo} when the card serves it. */
    Optional<SdCardFile> served(SdCardFile photo) {
        return withheld.contains(photo.name()) ? Optional.empty() : of(photo);
    }
}
