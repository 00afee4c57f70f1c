package io.camrig.cli.network;

import io.camrig.cli.console.LiveBlock;
import io.camrig.cli.console.Terminal;
import io.camrig.engine.provision.ProvisionEvent;
import io.camrig.engine.provision.ProvisionListener;
import io.camrig.engine.provision.ProvisionStep;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live per-camera progress of {@code camrig provision} on stderr. On a terminal, one row per
 * camera (its latest step and detail), redrawn in place with ANSI cursor movement as events come;
 * elsewhere (logs, CI, pipes) one line per event. Events carry no secrets, so neither does this.
 */
final class ProvisionTable implements ProvisionListener {
    private final PrintWriter err;
    private final boolean enabled;
    private final boolean animated;
    private final Map<String, String> rows = new LinkedHashMap<>();
    private final LiveBlock block;

    /**
     * @param enabled  {@code false} draws nothing (JSON output, {@code --no-progress})
     * @param animated redraw in place (a terminal); otherwise one line per event
     */
    ProvisionTable(PrintWriter err, boolean enabled, boolean animated) {
        this.err = err;
        this.enabled = enabled;
        this.animated = animated;
        this.block = new LiveBlock(err, animated ? Terminal.detect().columns() : Terminal.DEFAULT_COLUMNS);
    }

    @Override
    public synchronized void onEvent(ProvisionEvent event) {
        if (!enabled) {
            return;
        }
        String line = step(event.step()) + (event.detail().isEmpty() ? "" : "  " + event.detail());
        rows.put(event.camera(), line);
        if (!animated) {
            err.println(event.camera() + "  " + line);
        } else {
            redraw();
        }
        err.flush();
    }

    private void redraw() {
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        List<String> lines = new ArrayList<>(rows.size());
        for (Map.Entry<String, String> row : rows.entrySet()) {
            lines.add(row.getKey() + " ".repeat(width - row.getKey().length() + 2) + row.getValue());
        }
        block.show(lines);
    }

    /** {@code COHN_WAIT} → {@code cohn wait}. */
    static String step(ProvisionStep step) {
        return step.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
