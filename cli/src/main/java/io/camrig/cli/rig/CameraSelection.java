package io.camrig.cli.rig;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * Which cameras of the rig a command works on, as a picocli mixin: {@code --camera SUFFIX}
 * (repeatable) keeps the cameras whose serial number ends with one of the suffixes, case-insensitive;
 * none means every camera found. A camera advertises the last four digits of its serial in its name
 * ({@code GoPro 0003}), so suffixes of up to four characters are matched before connecting; longer
 * ones after reading each camera's serial (Get Hardware Info).
 */
public final class CameraSelection {
    @Option(names = "--camera", paramLabel = "SUFFIX",
            description = "Only the cameras whose serial number ends with SUFFIX (repeatable; default: all).")
    List<String> suffixes = List.of();

    public CameraSelection() {
    }

    /** A selection of the given suffixes (for tests and callers). */
    public CameraSelection(List<String> suffixes) {
        this.suffixes = List.copyOf(suffixes);
    }

    /** {@code true} when no suffix was given. */
    public boolean all() {
        return suffixes.isEmpty();
    }

    /** {@code true} when an advertised name ({@code GoPro 0003}) may belong to a selected camera. */
    public boolean mayMatchName(String advertisedName) {
        if (all()) {
            return true;
        }
        String digits = advertisedName.length() >= 4 ? advertisedName.substring(advertisedName.length() - 4) : advertisedName;
        return suffixes.stream().anyMatch(s -> s.length() > 4
                ? s.toUpperCase(Locale.ROOT).endsWith(digits.toUpperCase(Locale.ROOT))
                : digits.toUpperCase(Locale.ROOT).endsWith(s.toUpperCase(Locale.ROOT)));
    }

    /** {@code true} when a serial number is selected. */
    public boolean matchesSerial(String serial) {
        return all() || suffixes.stream().anyMatch(s -> serial.toUpperCase(Locale.ROOT).endsWith(s.toUpperCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return all() ? "all cameras" : "serials ending " + String.join(", ", suffixes);
    }
}
