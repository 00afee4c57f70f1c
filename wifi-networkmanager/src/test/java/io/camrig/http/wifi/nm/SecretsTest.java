package io.camrig.http.wifi.nm;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.wifi.HostWifiException;
import io.camrig.http.wifi.HostWifiException.Reason;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void masksThePasswordAndDropsACauseThatMentionsIt() {
        DBusExecutionException raw = new DBusExecutionException("bad key hunter22!");

        HostWifiException e = Secrets.scrub(raw, "hunter22!", "GP1", "AddAndActivateConnection");

        assertThat(e.getMessage()).contains("bad key " + Secrets.MASK).doesNotContain("hunter22!");
        assertThat(e.getCause()).isNull();
        assertThat(e.reason()).isEqualTo(Reason.FAILED);
    }

    @Test
    void keepsACauseThatDoesNotMentionIt() {
        DBusExecutionException raw = new DBusExecutionException("802-11-wireless-security.psk: property is invalid");

        HostWifiException e = Secrets.scrub(raw, "hunter22!", "GP1", "AddAndActivateConnection");

        assertThat(e.getCause()).isSameAs(raw);
        assertThat(e.reason()).as("NetworkManager refused the key").isEqualTo(Reason.WRONG_PASSWORD);
    }

    @Test
    void aVanishedServiceIsUnavailable() {
        HostWifiException e = Secrets.scrub(new org.freedesktop.dbus.errors.ServiceUnknown("gone"), "hunter22!",
                "GP1", "AddAndActivateConnection");

        assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(e.getMessage()).contains("org.freedesktop.DBus.Error.ServiceUnknown");
    }
}
