package io.camrig.simulator.media;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The grouped media items ({@link SdCardGroup}: bursts) of one simulated SD card: what {@link
 * SdCard#groups()} gives. Thread-safe.
 */
public final class CardGroups {
    private final List<SdCardGroup> groups = new CopyOnWriteArrayList<>();

    CardGroups() {
    }

    void add(SdCardGroup group) {
        groups.add(group);
    }

    /** Every group, in the order recorded; an immutable snapshot. */
    public List<SdCardGroup> all() {
        return List.copyOf(groups);
    }

    /** The member file {@code directory/name} still on the card, if any (an unserved one included). */
    public Optional<SdCardFile> member(String directory, String name) {
        return groupOf(directory, name).flatMap(g -> g.members().stream().filter(f -> f.name().equals(name)).findFirst());
    }

    /** The member {@code directory/name} as downloads serve it: empty when it is unserved (the camera's 404). */
    public Optional<SdCardFile> served(String directory, String name) {
        return groupOf(directory, name).filter(g -> !g.unserved().contains(g.idOf(name)))
                .flatMap(g -> member(directory, name));
    }

    /** Replaces group {@code number} with {@code change} applied (a hostile variant for tests). */
    public synchronized void change(int number, UnaryOperator<SdCardGroup> change) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).number() == number) {
                groups.set(i, change.apply(groups.get(i)));
                return;
            }
        }
        throw new java.util.NoSuchElementException("no group " + number);
    }

    /** Deletes one member; a group whose last member goes is no longer listed. */
    synchronized boolean delete(String directory, String name) {
        Optional<SdCardGroup> g = groupOf(directory, name);
        if (g.isEmpty() || member(directory, name).isEmpty()) {
            return false;
        }
        SdCardGroup next = g.get().withDeleted(g.get().idOf(name));
        int at = groups.indexOf(g.get());
        if (next.members().isEmpty()) {
            groups.remove(at);
        } else {
            groups.set(at, next);
        }
        return true;
    }

    void clear() {
        groups.clear();
    }

    private Optional<SdCardGroup> groupOf(String directory, String name) {
        return groups.stream().filter(g -> g.directory().equals(directory) && g.idOf(name) >= 0).findFirst();
    }
}
