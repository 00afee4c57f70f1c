package io.camrig.cli.take;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line {@code camrig offload} says resumes it after Ctrl-C. */
class ResumeCommandTest {

    @Test
    void theSameCamerasAndOptionsWithTheTakeInsteadOfTheCardChoice() {
        assertThat(ResumeCommand.of(List.of("offload", "--url", "http://10.5.5.9:8080", "--usb", "C3501460050001",
                "--since-last-take", "--card", "--media-dir", "/mnt/rig media", "--parallel=2"), "20261207-100000"))
                .isEqualTo("camrig offload --url http://10.5.5.9:8080 --usb C3501460050001 --media-dir '/mnt/rig media'"
                        + " --parallel=2 --take 20261207-100000");
    }

    @Test
    void aTakeAlreadyNamedIsReplacedByItsIdInEitherSpelling() {
        assertThat(ResumeCommand.of(List.of("--take", "latest", "--ap"), "20261207-100000"))
                .isEqualTo("camrig offload --ap --take 20261207-100000");
        assertThat(ResumeCommand.of(List.of("--take=latest", "--ap"), "20261207-100000"))
                .isEqualTo("camrig offload --ap --take 20261207-100000");
    }

    @Test
    void anArgumentAShellWouldSplitOrExpandIsSingleQuoted() {
        assertThat(ResumeCommand.quoted("it's $HOME; rm")).isEqualTo("'it'\\''s $HOME; rm'");
        assertThat(ResumeCommand.quoted("http://127.0.0.1:41234")).isEqualTo("http://127.0.0.1:41234");
    }
}
