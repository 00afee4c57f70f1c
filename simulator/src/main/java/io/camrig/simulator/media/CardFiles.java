package io.camrig.simulator.media;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The files one card lists on its own (recordings' chapters and single photos; not the members of
 * its groups nor the companions of its files), oldest first, and their copies on disk once the card
 * is spooled ({@link SdCard#spoolTo}). Reads are thread-safe; the card serializes changes.
 */
final class CardFiles {
    private final SdCard card;
    private final List<SdCardFile> files = new CopyOnWriteArrayList<>();
    private volatile CardSpool spool;

    /** @param card the card whose content the spool copies */
    CardFiles(SdCard card) {
        this.card = card;
    }

    /** Adds a recording's file, written to the spool first when there is one. */
    void addSpooled(SdCardFile file) {
        if (spool != null) {
            spool.write(card, file);
        }
        files.add(file);
    }

    /** Adds a file that is not spooled (always computed). */
    void add(SdCardFile file) {
        files.add(file);
    }

    /** Writes every file now listed under {@code dir}, then spools each new recording too; blocking. */
    void spoolTo(Path dir) {
        CardSpool s = new CardSpool(dir, card.serial());
        for (SdCardFile f : files) {
            s.write(card, f);
        }
        spool = s;
    }

    /** The spooled copy of {@code file}, if any. */
    Optional<Path> contentFile(SdCardFile file) {
        CardSpool s = spool;
        return s == null ? Optional.empty() : s.find(file);
    }

    /** Removes {@code directory/name} and its spooled copy; {@code true} when it was listed. */
    boolean remove(String directory, String name) {
        Optional<SdCardFile> gone = find(directory, name);
        if (gone.isPresent() && spool != null) {
            spool.delete(gone.get());
        }
        return files.removeIf(f -> f.directory().equals(directory) && f.name().equals(name));
    }

    /** Removes every file and its spooled copy. */
    void clear() {
        if (spool != null) {
            files.forEach(spool::delete);
        }
        files.clear();
    }

    /** Replaces {@code directory/name} with {@code change} applied to it, in place. */
    SdCardFile replace(String directory, String name, UnaryOperator<SdCardFile> change) {
        SdCardFile old = find(directory, name).orElseThrow(() -> new NoSuchElementException(name));
        SdCardFile next = change.apply(old);
        files.set(files.indexOf(old), next);
        return next;
    }

    Optional<SdCardFile> find(String directory, String name) {
        return files.stream().filter(f -> f.directory().equals(directory) && f.name().equals(name)).findFirst();
    }

    /** The files in {@code directory}, oldest first. */
    Stream<SdCardFile> in(String directory) {
        return files.stream().filter(f -> f.directory().equals(directory));
    }

    List<SdCardFile> snapshot() {
        return List.copyOf(files);
    }

    int count() {
        return files.size();
    }
}
