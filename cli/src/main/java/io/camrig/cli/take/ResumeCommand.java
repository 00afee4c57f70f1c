package io.camrig.cli.take;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command line that resumes an interrupted {@code camrig offload}: the same arguments (cameras,
 * media directory, options), without what chose the files ({@code --card}, {@code
 * --since-last-take}) or named the take, and with {@code --take <id>}, so that the next run fetches
 * exactly what the take still has queued. Arguments that need it are single-quoted for a POSIX shell.
 */
final class ResumeCommand {
    private static final Set<String> DROPPED_FLAGS = Set.of("--card", "--since-last-take");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ResumeCommand() {
    }

    /**
     * {@code camrig offload <args> --take <takeId>}, from the run's original {@code args} (those
     * after the {@code offload} command's name when they hold it).
     */
    static String of(List<String> original, String takeId) {
        int command = original.indexOf("offload");
        List<String> args = command < 0 ? original : original.subList(command + 1, original.size());
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (DROPPED_FLAGS.contains(a) || a.startsWith("--take=")) {
                continue;
            }
            if (a.equals("--take")) {
                i++;    // and its value
                continue;
            }
            kept.add(a);
        }
        kept.add("--take");
        kept.add(takeId);
        StringBuilder sb = new StringBuilder("camrig offload");
        for (String a : kept) {
            sb.append(' ').append(quoted(a));
        }
        return sb.toString();
    }

    static String quoted(String arg) {
        return PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
