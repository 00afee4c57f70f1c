package io.camrig.cli.take;

import io.camrig.cli.console.TerminalText;
import io.camrig.engine.take.Companion;
import io.camrig.engine.take.OffloadQueue;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.engine.take.TakeStore;
import io.camrig.http.UnsafeMediaNameException;
import io.camrig.http.model.GroupMember;
import io.camrig.http.model.MediaFile;
import io.camrig.http.model.MediaList;
import io.camrig.http.model.PathNames;
import io.camrig.http.model.RejectedMedia;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Which files of a card {@code camrig offload} queues: every file ({@code --card}, the default
 * for a new take) or, with {@code --since-last-take}, every file not already offloaded from that
 * camera: a file is skipped only when an earlier take holds it verified, the same recording
 * (folder, name, size and creation time {@code cre} all equal). A rig operator never misses
 * footage this way and nothing is skipped silently:
 * <ul>
 *   <li>a file newer than the camera's newest offloaded file is queued, as the option's name says;</li>
 *   <li>a file no newer but in no earlier take is queued too, with a line in {@code notes}: the
 *       camera's clock was set back (a battery pull resets it, e.g. to 2016), or it was never
 *       offloaded;</li>
 *   <li>a file whose name an earlier take holds but as another recording (the card was formatted
 *       and the camera numbers from {@code GX010001.MP4} again) is queued, with a line on {@code
 *       err}; it lands in this take's directory, so no earlier file is touched.</li>
 * </ul>
 * A group's member files (a burst's photos, {@link #members}) are queued one by one like files.
 * A file whose folder or name cannot be a path ({@link MediaList#rejected()}) is never queued:
 * each is handed to {@code rejected} as an {@link UnsafeMediaNameException}, for the report. The
 * lines about queued files go to {@code notes}. Blocking (reads earlier manifests).
 */
record CardSelection(TakeStore store, String currentTake, boolean sinceLastTake,
        BiConsumer<String, UnsafeMediaNameException> rejected, Consumer<String> notes) {

    /**
     * Queues what {@code serial}'s card holds for this selection: its files ({@link #choose}, with
     * {@code companions}), then its groups' member files ({@link #members}). Blocking.
     */
    void enqueue(OffloadQueue queue, String serial, String camera, MediaList card, Set<Companion> companions) {
        queue.enqueue(serial, choose(serial, camera, card), companions);
        queue.enqueueMembers(serial, members(serial, card));
    }

    /**
     * The member files of {@code serial}'s card's groups (bursts, time lapses: {@link
     * MediaList#members()}) to queue: all of them, or with {@code --since-last-take} those no
     * earlier take holds verified as a member with the same folder, name and creation time (the
     * group's {@code cre}; a member's size is not listed, so the size verified is not compared).
     * A group whose members cannot be named was already rejected by the decoder ({@link #choose}
     * reports it).
     */
    List<GroupMember> members(String serial, MediaList card) {
        List<GroupMember> all = card.members();
        if (!sinceLastTake || all.isEmpty()) {
            return all;
        }
        Earlier earlier = Earlier.of(store, currentTake, serial);
        return all.stream().filter(m -> !earlier.members().contains(
                Earlier.memberKey(m.directory(), m.name(), m.created().getEpochSecond()))).toList();
    }

    /** The files of {@code serial}'s card to queue; {@code camera} names it in errors. */
    List<MediaFile> choose(String serial, String camera, MediaList card) {
        for (RejectedMedia r : card.rejected()) {
            rejected.accept(serial, new UnsafeMediaNameException(r, camera));
        }
        return choose(serial, camera, card.files());
    }

    private List<MediaFile> choose(String serial, String camera, List<MediaFile> files) {
        Earlier earlier = sinceLastTake ? Earlier.of(store, currentTake, serial) : Earlier.NONE;
        List<MediaFile> chosen = new ArrayList<>();
        int older = 0;
        int reused = 0;
        for (int i = 0; i < files.size(); i++) {
            MediaFile f = files.get(i);
            if (!PathNames.isSafeSegment(f.directory()) || !PathNames.isSafeSegment(f.name())) {
                // The decoder leaves such names out; a list built another way is checked here too.
                rejected.accept(serial, new UnsafeMediaNameException(new RejectedMedia("files[" + i + "]",
                        PathNames.shown(f.directory()), PathNames.shown(f.name()), "folder or name cannot be a path"),
                        camera));
            } else if (!earlier.holds(f)) {
                chosen.add(f);
                if (sinceLastTake && earlier.newest() != Long.MIN_VALUE && f.created().getEpochSecond() <= earlier.newest()) {
                    older++;
                }
                if (earlier.names().contains(f.directory() + "/" + f.name())) {
                    reused++;
                }
            }
        }
        if (older > 0) {
            notes.accept("camrig offload: " + TerminalText.safe(serial) + ": " + older + " file(s) no newer than the newest "
                    + "already offloaded from this camera (" + Instant.ofEpochSecond(earlier.newest()) + ") are in no "
                    + "earlier take: queued (the camera's clock was set back, or they were never offloaded)");
        }
        if (reused > 0) {
            notes.accept("camrig offload: " + TerminalText.safe(serial) + ": " + reused + " file(s) have the name of a file in "
                    + "an earlier take but are another recording (size or creation time differ: card formatted?): queued");
        }
        return chosen;
    }

    /**
     * What earlier takes hold of one camera: its verified recordings (companions aside).
     *
     * @param recordings {@code folder/name/size/cre} of each
     * @param names {@code folder/name} of each
     * @param newest the newest creation time among them, seconds; {@link Long#MIN_VALUE} for none
     * @param members {@code folder/name/cre} of each group member verified ({@link TakeFile#group()})
     */
    record Earlier(Set<String> recordings, Set<String> names, long newest, Set<String> members) {
        static final Earlier NONE = new Earlier(Set.of(), Set.of(), Long.MIN_VALUE, Set.of());

        static Earlier of(TakeStore store, String current, String serial) {
            Set<String> recordings = new HashSet<>();
            Set<String> names = new HashSet<>();
            Set<String> members = new HashSet<>();
            long newest = Long.MIN_VALUE;
            for (TakeManifest m : store.list()) {
                if (m.takeId().equals(current)) {
                    continue;
                }
                for (TakeCamera c : m.cameras()) {
                    if (!c.serial().equals(serial)) {
                        continue;
                    }
                    for (TakeFile f : c.files()) {
                        if (f.verified() && f.group() != null) {
                            members.add(memberKey(f.folder(), f.name(), f.createdEpochSeconds()));
                        } else if (f.verified() && f.companionOf() == null) {
                            recordings.add(key(f.folder(), f.name(), f.size(), f.createdEpochSeconds()));
                            names.add(f.folder() + "/" + f.name());
                            newest = Math.max(newest, f.createdEpochSeconds());
                        }
                    }
                }
            }
            return new Earlier(recordings, names, newest, members);
        }

        boolean holds(MediaFile f) {
            return recordings.contains(key(f.directory(), f.name(), f.size(), f.created().getEpochSecond()));
        }

        static String memberKey(String folder, String name, long created) {
            return folder + "/" + name + "/" + created;
        }

        private static String key(String folder, String name, long size, long created) {
            return folder + "/" + name + "/" + size + "/" + created;
        }
    }
}
