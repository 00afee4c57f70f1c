package io.camrig.simulator.media;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault injection on one simulated SD card ({@link SdCard#faults()}): a camera that lies in its
 * media list, cuts a file short, refuses or only pretends to delete, or withholds a RAW version.
 * Each fault holds from the moment it is set. Thread-safe.
 */
public final class CardFaults {
    /**
     * How the card answers a request to delete one file ({@link SdCard#delete}): a real camera may
     * refuse (a locked card, a busy camera) or, through a firmware bug, say it deleted a file it
     * still holds, as {@link #deletes} sets.
     */
    public enum Deletes {
        /** Deletes the file (the default). */
        DELETES,
        /** Refuses: keeps the file and reports it was not deleted (the HTTP route answers an error). */
        REFUSES,
        /** Keeps the file but reports it deleted (the HTTP route answers 200). */
        KEEPS
    }

    private final SdCard card;
    private final RawVersions raws;
    private final List<SdCardFile> listedOnly = new CopyOnWriteArrayList<>();
    private volatile Deletes deletes = Deletes.DELETES;

    CardFaults(SdCard card, RawVersions raws) {
        this.card = card;
        this.raws = raws;
    }

    /**
     * A camera that lies in its media list: lists {@code entry} after the recorded files, under
     * whatever folder and name it has ({@code ../../x}, {@code /etc/passwd}, a control character,
     * 300 characters …), without holding it: it is never served nor found.
     */
    public void listAlso(SdCardFile entry) {
        listedOnly.add(Objects.requireNonNull(entry, "entry"));
    }

    /** What {@link #listAlso} added, in order; an immutable snapshot. */
    public List<SdCardFile> listedOnly() {
        return List.copyOf(listedOnly);
    }

    /**
     * Plays a camera whose listing and transfer of one file are cut short: from now on the media
     * list and the download give {@code size} bytes, while its media info ({@code GET
     * /gopro/media/info}, {@code s}) still reports the size it recorded.
     *
     * @return the file as now listed
     * @throws NoSuchElementException when the card does not hold it
     */
    public SdCardFile truncate(String directory, String name, long size) {
        return card.replace(directory, name, old -> new SdCardFile(old.directory(), old.name(), size, old.created()));
    }

    /**
     * From now on, answers requests to delete one file ({@link SdCard#delete}) as {@code behaviour}
     * says ({@link Deletes#DELETES} by default).
     */
    public void deletes(Deletes behaviour) {
        deletes = Objects.requireNonNull(behaviour, "behaviour");
    }

    /** How the card answers a request to delete one file now. */
    Deletes deletes() {
        return deletes;
    }

    /**
     * A camera that marks {@code photo} {@code "raw": "1"} but serves no RAW version (its download
     * answers 404), as a camera naming its RAW files otherwise would look.
     */
    public void withholdRawVersion(SdCardFile photo) {
        raws.withhold(photo);
    }

    /** Serves {@code photo}'s RAW version again after {@link #withholdRawVersion}. */
    public void serveRawVersion(SdCardFile photo) {
        raws.serve(photo);
    }
}
