package io.camrig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ThreadCpuTest {
    @Test
    void threadNamesGroupRunsOfDigits() {
        assertThat(ThreadCpu.digitsAsHash("camrig-sha256-12")).isEqualTo("camrig-sha#-#");
        assertThat(ThreadCpu.digitsAsHash("C2 CompilerThre")).isEqualTo("C# CompilerThre");
        assertThat(ThreadCpu.digitsAsHash("main")).isEqualTo("main");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aThreadThatSaidSoBeforeEndingIsStillCounted() throws Exception {
        ThreadCpu.countEnded();
        Thread counted = new Thread(ThreadCpu::ending, "cpu-test-counted");
        counted.start();
        counted.join();

        // (whether Linux still lists the ended thread right after join() is a race: not asserted)
        Map<String, Long> ticks = ThreadCpu.ticks();

        // Linux keeps 15 characters of a thread's name
        assertThat(ticks).containsKey("cpu-test-counte");
        assertThat(ticks.get("cpu-test-counte")).isNotNegative();
    }
}
