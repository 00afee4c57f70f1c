package io.camrig.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialFileLocationTest {
    @Test
    void xdgConfigHomeWhenAbsolute() {
        assertThat(CredentialFileLocation.resolve(Map.of("XDG_CONFIG_HOME", "/srv/cfg", "HOME", "/home/ana")))
                .isEqualTo(Path.of("/srv/cfg/camrig/credentials.json"));
    }

    @Test
    void homeDotConfigWhenXdgUnset() {
        assertThat(CredentialFileLocation.resolve(Map.of("HOME", "/home/ana")))
                .isEqualTo(Path.of("/home/ana/.config/camrig/credentials.json"));
    }

    @Test
    void emptyXdgIsUnset() {
        assertThat(CredentialFileLocation.resolve(Map.of("XDG_CONFIG_HOME", "", "HOME", "/home/ana")))
                .isEqualTo(Path.of("/home/ana/.config/camrig/credentials.json"));
    }

    @Test
    void relativeXdgIsIgnoredAsTheSpecSays() {
        assertThat(CredentialFileLocation.resolve(Map.of("XDG_CONFIG_HOME", "cfg", "HOME", "/home/ana")))
                .isEqualTo(Path.of("/home/ana/.config/camrig/credentials.json"));
    }

    @Test
    void userHomeWhenNoHomeVariable() {
        assertThat(CredentialFileLocation.resolve(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home")).toAbsolutePath()
                        .resolve(".config/camrig/credentials.json"));
    }

    @Test
    void defaultLocationFactoryUsesIt(@org.junit.jupiter.api.io.TempDir Path dir) {
        FileCredentialStore store = FileCredentialStore.atDefaultLocation(Map.of("XDG_CONFIG_HOME", dir.toString()));
        assertThat(store.file()).isEqualTo(dir.resolve("camrig/credentials.json"));
        assertThat(store.list()).isEmpty();
        store.update("C1", c -> c.withAp(CredentialFixtures.ap(), CredentialFixtures.T0));
        assertThat(dir.resolve("camrig/credentials.json")).exists();
    }
}
