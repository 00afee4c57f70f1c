package io.camrig.credentials;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the user's credential file lives: {@code $XDG_CONFIG_HOME/camrig/credentials.json}, or
 * {@code $HOME/.config/camrig/credentials.json} when {@code XDG_CONFIG_HOME} is unset, empty or not
 * an absolute path ("All paths set in these environment variables must be absolute. If an
 * implementation encounters a relative path in any of these variables it should consider the path
 * invalid and ignore it." — XDG Base Directory Specification 0.8).
 */
public final class CredentialFileLocation {
    /** The file's name inside the camrig configuration directory. */
    public static final String FILE_NAME = "credentials.json";
    /** The directory camrig uses under the configuration home. */
    public static final String APP_DIRECTORY = "camrig";

    private CredentialFileLocation() {
    }

    /**
     * The credential file for this environment.
     *
     * @param env the process environment, e.g. {@code System.getenv()}; {@code HOME} is used when
     *     {@code XDG_CONFIG_HOME} is not usable, then the {@code user.home} system property
     * @return an absolute path; the file and its directories may not exist yet
     */
    public static Path resolve(Map<String, String> env) {
        return configHome(env).resolve(APP_DIRECTORY).resolve(FILE_NAME);
    }

    /** The XDG configuration home for this environment (absolute). */
    static Path configHome(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            Path p = Path.of(xdg);
            if (p.isAbsolute()) {
                return p;
            }
        }
        String home = env.get("HOME");
        Path base = home != null && !home.isEmpty() && Path.of(home).isAbsolute()
                ? Path.of(home) : Path.of(System.getProperty("user.home"));
        return base.toAbsolutePath().resolve(".config");
    }
}
