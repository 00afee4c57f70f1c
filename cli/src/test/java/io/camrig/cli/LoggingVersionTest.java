package io.camrig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.CoreConstants;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The logback the CLI runs with has CVE-2025-11226 fixed (1.5.19 and later). */
class LoggingVersionTest {

    @Test
    void logbackIsAtLeastTheReleaseThatFixedCve2025_11226() {
        for (Package p : new Package[] {CoreConstants.class.getPackage(), Logger.class.getPackage()}) {
            String version = p.getImplementationVersion();
            assertThat(version).as(p.getName()).isNotNull();
            int[] parts = Arrays.stream(version.split("[.-]")).limit(3).mapToInt(Integer::parseInt).toArray();
            assertThat(Arrays.compare(parts, new int[] {1, 5, 19})).as(p.getName() + " " + version)
                    .isGreaterThanOrEqualTo(0);
        }
    }
}
