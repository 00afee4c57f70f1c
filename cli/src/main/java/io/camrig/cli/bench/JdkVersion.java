package io.camrig.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDK's version as {@code java -version} prints it (on stderr): {@code openjdk version "25.0.3"
 * 2026-04-21 LTS}, then {@code OpenJDK Runtime Environment Temurin-25.0.3+9 (build 25.0.3+9-LTS)}.
 *
 * @param feature the feature release (8 for {@code "1.8.0_402"}, 25 for {@code "25.0.3"} or {@code "25-ea"})
 * @param runtime the runtime's build ({@code 25.0.3+9-LTS}), or the version string when no build is printed
 */
public record JdkVersion(int feature, String runtime) {
    /** The first feature release whose JVM makes and uses an AOT cache with method profiles (JEPs 483, 514, 515). */
    public static final int AOT_CACHE_FEATURE = 25;

    private static final Pattern VERSION = Pattern.compile("version \"([^\"]+)\"");
    private static final Pattern BUILD = Pattern.compile("\\(build ([^)]+)\\)");

    /** {@code true} from JDK 25: {@code -XX:AOTCacheOutput} and a cache with the training's method profiles. */
    public boolean hasAotCache() {
        return feature >= AOT_CACHE_FEATURE;
    }

    /**
     * Reads {@code java -version}'s output.
     *
     * @return empty when it has no {@code version "…"} (not a JDK, or a launcher error)
     */
    public static Optional<JdkVersion> parse(String versionOutput) {
        Matcher v = VERSION.matcher(versionOutput);
        if (!v.find()) {
            return Optional.empty();
        }
        String version = v.group(1);
        String[] parts = version.split("[.+_-]");
        int feature;
        try {
            feature = Integer.parseInt(parts[0]);
            if (feature == 1 && parts.length > 1) {
                feature = Integer.parseInt(parts[1]);    // 1.8.0_402: JDK 8
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Matcher b = BUILD.matcher(versionOutput);
        return Optional.of(new JdkVersion(feature, b.find(v.end()) ? b.group(1) : version));
    }

    /**
     * Runs {@code java -version}.
     *
     * @param java the {@code java} binary's path
     * @throws IOException when it does not run, or prints no version within 30 s
     */
    public static JdkVersion of(String java) throws IOException {
        Process p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IOException(java + " -version did not end");
            }
            return parse(out).orElseThrow(() -> new IOException(java + " -version printed no version: "
                    + out.lines().findFirst().orElse("")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroy();
        }
    }

    @Override
    public String toString() {
        return "JDK " + runtime;
    }
}
