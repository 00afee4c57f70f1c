package io.camrig.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colour on a terminal only, never with NO_COLOR or TERM=dumb; the width from COLUMNS. */
class TerminalTest {
    @Test
    void colourFollowsTheTerminalAndNoColor() {
        assertThat(Terminal.detect(Map.of("TERM", "xterm"), true).colour()).isTrue();
        assertThat(Terminal.detect(Map.of("TERM", "xterm"), false).colour()).as("a pipe").isFalse();
        assertThat(Terminal.detect(Map.of("NO_COLOR", "1"), true).colour()).isFalse();
        assertThat(Terminal.detect(Map.of("NO_COLOR", ""), true).colour()).as("empty NO_COLOR is unset").isTrue();
        assertThat(Terminal.detect(Map.of("TERM", "dumb"), true).colour()).isFalse();
        assertThat(new Terminal(true, true, 80).ok("ok")).isEqualTo("\u001B[32mok\u001B[0m");
        assertThat(new Terminal(true, false, 80).failed("FAILED")).isEqualTo("FAILED");
    }

    @Test
    void widthFromColumnsElseTheDefault() {
        assertThat(Terminal.detect(Map.of("COLUMNS", "97"), false).columns()).isEqualTo(97);
        assertThat(Terminal.detect(Map.of("COLUMNS", "wide"), false).columns()).isEqualTo(Terminal.DEFAULT_COLUMNS);
    }
}
