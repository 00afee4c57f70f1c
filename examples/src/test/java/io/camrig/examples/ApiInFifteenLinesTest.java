package io.camrig.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "The API in 15 lines" is {@link ApiInFifteenLines}, character for character (so it
 * compiles as written, imports included), and it fires compensated on the simulator.
 */
class ApiInFifteenLinesTest {
    private static final String START = "<!-- api-example:start -->\n```java\n";
    private static final String END = "```\n<!-- api-example:end -->";

    @Test
    void theReadmeBlockIsTheExampleSource() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has the api-example markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String block = readme.substring(start + START.length(), end);
        String source = Files.readString(Path.of("src/main/java/io/camrig/examples/ApiInFifteenLines.java"),
                StandardCharsets.UTF_8);
        assertThat(block).isEqualTo(source);
    }

    @Test
    void theExampleFiresCompensatedOnTheSimulator() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ApiInFifteenLines.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("compensated: true, predicted arrivals ").doesNotContain("-1 µs apart");
        // Every camera's log shows the latency measured before the shutter, and no failure.
        assertThat(out.lines().filter(l -> l.startsWith("GoPro "))).hasSize(4)
                .allSatisfy(l -> assertThat(l).contains("latency").contains("shutter on").doesNotContain("failed").doesNotContain("skipped"));
    }
}
