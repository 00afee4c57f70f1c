package io.camrig.cli.take;

import io.camrig.cli.console.TerminalText;
import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import io.camrig.engine.take.TakeManifest;
import io.camrig.http.model.MediaGroup;
import io.camrig.http.model.MediaList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * After an offload, a group whose every member is verified but whose members' sizes do not add up
 * to the size the camera listed for it ({@code s}, which real cameras send in bytes, though the
 * spec calls it the number of files) gets a warning line: nothing is failed (each member was
 * checked against its own download's length), but a listing and a card that disagree are worth a
 * look. A group whose {@code s} is its member count (as the spec reads) is not warned about.
 * Thread-safe.
 */
final class GroupTotals {
    private final Map<String, List<MediaGroup>> listed = new ConcurrentHashMap<>();

    /** The groups {@code serial}'s card listed in this run. */
    void seen(String serial, MediaList card) {
        listed.put(serial, card.groups());
    }

    /** One line per group whose verified members' sizes differ from its listed {@code s}. */
    List<String> warnings(TakeManifest manifest) {
        List<String> out = new ArrayList<>();
        listed.forEach((serial, groups) -> manifest.camera(serial).ifPresent(c -> {
            for (MediaGroup g : groups) {
                warning(serial, c, g).ifPresent(out::add);
            }
        }));
        return out;
    }

    private static java.util.Optional<String> warning(String serial, TakeCamera c, MediaGroup g) {
        List<TakeFile> members = c.files().stream()
                .filter(f -> g.name().equals(f.group()) && f.folder().equals(g.directory())).toList();
        if (members.size() != g.memberCount() || !members.stream().allMatch(TakeFile::verified)) {
            return java.util.Optional.empty();
        }
        long sum = members.stream().mapToLong(TakeFile::size).sum();
        if (sum == g.sizeBytes() || g.sizeBytes() == g.memberCount()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("camrig offload: " + TerminalText.safe(serial) + ": group "
                + TerminalText.safe(g.directory() + "/" + g.name()) + ": its " + members.size() + " file(s) verified "
                + "add up to " + sum + " bytes, the camera listed " + g.sizeBytes() + " (s): kept, each was checked "
                + "against its own download");
    }
}
