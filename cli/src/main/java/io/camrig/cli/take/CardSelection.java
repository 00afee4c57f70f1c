package io.camrig.cli.take;

import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.UnsafeMediaNameException;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.MediaList;
import io.camrig.http.model.PathNames;
import io.camrig.http.model.RejectedMedia;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Which files of a card {@code camrig offload} queues: every file ({@code --card}, the default
 * for a new take) or those newer than the camera's newest verified file in earlier takes ({@code
 * --since-last-take}); a file whose folder or name cannot be a path ({@link MediaList#rejected()})
 * is never queued: each is handed to {@code rejected} as an {@link UnsafeMediaNameException}, for
 * the report. Blocking (reads earlier manifests).
 */
record CardSelection(TakeStore store, String currentTake, boolean sinceLastTake,
        BiConsumer<String, UnsafeMediaNameException> rejected) {

    /** The files of {@code serial}'s card to queue; {@code camera} names it in errors. */
    List<MediaFile> choose(String serial, String camera, MediaList card) {
        for (RejectedMedia r : card.rejected()) {
            rejected.accept(serial, new UnsafeMediaNameException(r, camera));
        }
        return choose(serial, camera, card.files());
    }

    private List<MediaFile> choose(String serial, String camera, List<MediaFile> files) {
        long after = sinceLastTake ? newestEarlier(store, currentTake, serial) : Long.MIN_VALUE;
        List<MediaFile> chosen = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MediaFile f = files.get(i);
            if (!PathNames.isSafeSegment(f.directory()) || !PathNames.isSafeSegment(f.name())) {
                // The decoder leaves such names out; a list built another way is checked here too.
                rejected.accept(serial, new UnsafeMediaNameException(new RejectedMedia("files[" + i + "]",
                        PathNames.shown(f.directory()), PathNames.shown(f.name()), "folder or name cannot be a path"),
                        camera));
            } else if (f.created().getEpochSecond() > after) {
                chosen.add(f);
            }
        }
        return chosen;
    }

    /** The newest creation time of a verified file of {@code serial} in takes other than {@code current}. */
    static long newestEarlier(TakeStore store, String current, String serial) {
        long newest = Long.MIN_VALUE;
        for (TakeManifest m : store.list()) {
            if (m.takeId().equals(current)) {
                continue;
            }
            for (TakeCamera c : m.cameras()) {
                if (c.serial().equals(serial)) {
                    for (TakeFile f : c.files()) {
                        if (f.verified() && f.companionOf() == null) {
                            newest = Math.max(newest, f.createdEpochSeconds());
                        }
                    }
                }
            }
        }
        return newest;
    }
}
