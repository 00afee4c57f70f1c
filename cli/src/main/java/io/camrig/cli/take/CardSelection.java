package io.camrig.cli.take;

import io.camrig.cli.console.TerminalText;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.PathNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files of a card {@code camrig offload} queues: every file ({@code --card}, the default
 * for a new take) or those newer than the camera's newest verified file in earlier takes ({@code
 * --since-last-take}); a file whose folder or name cannot be a path is skipped with a line on
 * {@code err}. Blocking (reads earlier manifests).
 */
record CardSelection(TakeStore store, String currentTake, boolean sinceLastTake, PrintWriter err) {

    /** The files of {@code serial}'s card to queue. */
    List<MediaFile> choose(String serial, List<MediaFile> files) {
        long after = sinceLastTake ? newestEarlier(store, currentTake, serial) : Long.MIN_VALUE;
        List<MediaFile> chosen = new ArrayList<>();
        for (MediaFile f : files) {
            if (!PathNames.isSafeSegment(f.directory()) || !PathNames.isSafeSegment(f.name())) {
                synchronized (err) {
                    err.println("camrig offload: " + TerminalText.safe(serial) + ": skipped a file whose name cannot "
                            + "be a path: " + TerminalText.safe(f.directory() + "/" + f.name()));
                    err.flush();
                }
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
