package io.camrig.simulator.media;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Names and numbers what a camera adds to its card, in {@value SdCard#DIRECTORY}: videos ({@code
 * GXccnnnn.MP4}, one file per chapter), single photos ({@code GOPRnnnn.JPG}) and bursts ({@code
 * G0017061.JPG}: member 7061 of group 1). Videos, photos and burst members take their numbers
 * {@code nnnn} from one sequence, 1 to {@value SdCard#MAX_FILES}, that deleting never rewinds;
 * groups are numbered 1 to 999 on their own. Not thread-safe: the card calls it under its lock.
 */
final class CardWriter {
    private final CardFiles files;
    private final RecordedVideos videos;
    private final RawVersions raws;
    private final CardGroups groups;
    private int recorded;
    private int groupNumber;

    CardWriter(CardFiles files, RecordedVideos videos, RawVersions raws, CardGroups groups) {
        this.files = files;
        this.videos = videos;
        this.raws = raws;
        this.groups = groups;
    }

    /** {@link SdCard#record(Instant, RecordingFacts, int)}: the chapters are spooled as they are listed. */
    SdCardFile record(Instant when, RecordingFacts facts, int sizeBytes) {
        int number = next(sizeBytes, "recordings");
        List<SdCardFile> chapters = videos.record(number, when, facts, sizeBytes);
        chapters.forEach(files::addSpooled);
        recorded = number;
        return chapters.get(0);
    }

    /** {@link SdCard#addGroup}. */
    SdCardGroup addGroup(int members, int memberSize, Instant when) {
        if (members < 1 || recorded + members > SdCard.MAX_FILES || groupNumber >= 999) {
            throw new IllegalStateException("SD card cannot number " + members + " more photos in a group");
        }
        groupNumber++;
        SdCardGroup g = new SdCardGroup(SdCard.DIRECTORY, groupNumber, recorded + 1, recorded + members, memberSize,
                when.truncatedTo(ChronoUnit.SECONDS), Set.of(), "", Set.of());
        g = g.listedAs(g.memberName(g.first()));
        groups.add(g);
        recorded += members;
        return g;
    }

    /** {@link SdCard#addPhoto}: a photo is not spooled (always computed). */
    SdCardFile addPhoto(int sizeBytes, boolean raw, Instant when) {
        int number = next(sizeBytes, "files");
        SdCardFile photo = new SdCardFile(SdCard.DIRECTORY, String.format("GOPR%04d.JPG", number), sizeBytes,
                when.truncatedTo(ChronoUnit.SECONDS));
        if (raw) {
            raws.mark(photo);
        }
        files.add(photo);
        recorded = number;
        return photo;
    }

    /**
     * The next file number, for a file of {@code sizeBytes}; taken once the file is on the card.
     *
     * @param full what a full card holds, for the error
     * @throws IllegalArgumentException when {@code sizeBytes} is negative
     * @throws IllegalStateException when the card already holds {@value SdCard#MAX_FILES} files
     */
    private int next(int sizeBytes, String full) {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must be >= 0, was " + sizeBytes);
        }
        int number = recorded + 1;
        if (number > SdCard.MAX_FILES) {
            throw new IllegalStateException("SD card holds " + SdCard.MAX_FILES + " " + full + " already");
        }
        return number;
    }

    /** Restarts both sequences (a formatted card): the next video is {@code GX010001.MP4} again. */
    void restart() {
        recorded = 0;
        groupNumber = 0;
    }
}
