package io.camrig.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -version} as JDKs of several vendors and ages print it, and JDKs that print none. */
class JdkVersionTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFeatureReleaseAndTheRuntimeBuild() {
        assertThat(JdkVersion.parse("""
                openjdk version "25.0.3" 2026-04-21 LTS
                OpenJDK Runtime Environment Temurin-25.0.3+9 (build 25.0.3+9-LTS)
                OpenJDK 64-Bit Server VM Temurin-25.0.3+9 (build 25.0.3+9-LTS, mixed mode, sharing)
                """)).contains(new JdkVersion(25, "25.0.3+9-LTS"));
        assertThat(JdkVersion.parse("""
                openjdk version "17.0.15" 2025-04-15
                OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)
                OpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1, mixed mode, sharing)
                """)).contains(new JdkVersion(17, "17.0.15+6-Debian-1deb12u1"));
        assertThat(JdkVersion.parse("java version \"1.8.0_402\"\nJava(TM) SE Runtime Environment (build 1.8.0_402-b06)\n"))
                .contains(new JdkVersion(8, "1.8.0_402-b06"));
        assertThat(JdkVersion.parse("openjdk version \"26-ea\" 2026-03-17\n")).contains(new JdkVersion(26, "26-ea"));
    }

    @Test
    void onlyJdk25AndLaterMakeACacheWithProfiles() {
        assertThat(new JdkVersion(24, "24.0.2+12").hasAotCache()).isFalse();
        assertThat(new JdkVersion(25, "25+36").hasAotCache()).isTrue();
        assertThat(new JdkVersion(26, "26-ea").hasAotCache()).isTrue();
    }

    @Test
    void somethingElseIsNoVersion() {
        assertThat(JdkVersion.parse("")).isEmpty();
        assertThat(JdkVersion.parse("Error: could not find libjava.so\n")).isEmpty();
        assertThat(JdkVersion.parse("openjdk version \"x.y\"\n")).isEmpty();
    }

    @Test
    void runsJavaVersion() throws Exception {
        JdkVersion self = JdkVersion.of(ProcessHandle.current().info().command().orElseThrow());
        assertThat(self.feature()).isEqualTo(Runtime.version().feature());
        assertThat(self.runtime()).startsWith(String.valueOf(Runtime.version().feature()));

        Path fake = Files.writeString(dir.resolve("java"), "#!/bin/sh\necho 'Error: no JVM here' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> JdkVersion.of(fake.toString())).isInstanceOf(IOException.class)
                .hasMessageContaining("printed no version: Error: no JVM here");
        assertThatThrownBy(() -> JdkVersion.of(dir.resolve("none").toString())).isInstanceOf(IOException.class);
    }
}
