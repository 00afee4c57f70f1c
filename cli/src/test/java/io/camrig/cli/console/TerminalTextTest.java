package io.camrig.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void controlCharactersAreEscapedAndOrdinaryTextPasses() {
        assertThat(TerminalText.safe("\u001B[2J\u001B[31mHERO12")).isEqualTo("\\e[2J\\e[31mHERO12");
        assertThat(TerminalText.safe("C350\r\nforged")).isEqualTo("C350\\r\\nforged");
        assertThat(TerminalText.safe("a\u0000b\u007Fc\u009Bd")).isEqualTo("a\\x00b\\x7Fc\\u{009B}d");
        assertThat(TerminalText.safe("evil\u202Etxt.exe")).isEqualTo("evil\\u{202E}txt.exe");
        assertThat(TerminalText.safe("Caméra ５ 100GOPRO/GX010001.MP4")).isEqualTo("Caméra ５ 100GOPRO/GX010001.MP4");
        assertThat(TerminalText.safe(null)).isEqualTo("null");
    }
}
