package io.camrig.ble.bluez;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.error.CamrigException;
import java.util.concurrent.TimeoutException;

import org.freedesktop.dbus.errors.AccessDenied;
import org.freedesktop.dbus.errors.NoReply;
import org.freedesktop.dbus.errors.ServiceUnknown;
import org.freedesktop.dbus.errors.UnknownObject;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** D-Bus error names to typed errors, without a bus. */
class BluezErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "NotConnected, BluezNotConnectedException, true",
        "AuthenticationFailed, BluezAuthenticationException, true",
        "AuthenticationRejected, BluezAuthenticationException, true",
        "AuthenticationCanceled, BluezAuthenticationException, true",
        "AuthenticationTimeout, BluezAuthenticationException, true",
        "NotPermitted, BluezNotPermittedException, true",
        "NotAuthorized, BluezNotPermittedException, true",
        "InProgress, BluezInProgressException, true",
        "Failed, BluezException, true",
        "ConnectionAttemptFailed, BluezException, true",
        "NotReady, BluezUnavailableException, false",
        "NotSupported, BluezUnavailableException, false",
    })
    void bluezErrorNames(String name, String type, boolean transientError) throws Exception {
        DBusExecutionException remote = (DBusExecutionException) Class.forName("org.bluez.Error." + name)
                .getConstructor(String.class).newInstance("details");
        CamrigException e = BluezErrors.map(remote, "AA:BB", "connect");
        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.isTransient()).isEqualTo(transientError);
        assertThat(e.camera()).contains("AA:BB");
        assertThat(e.operation()).contains("connect");
        assertThat(e.getMessage()).contains("details").contains("org.bluez.Error." + name);
        assertThat(BluezErrors.nameOf(e)).isEqualTo("org.bluez.Error." + name);
        assertThat(e.getCause()).isSameAs(remote);
    }

    @Test
    void busErrorsKeepTheirFreedesktopNames() {
        assertThat(BluezErrors.map(new UnknownObject("gone"), "AA:BB", "read"))
                .isInstanceOf(BluezNotConnectedException.class);
        assertThat(BluezErrors.map(new NoReply("late"), "AA:BB", "read")).isInstanceOf(BluezTimeoutException.class);
        assertThat(BluezErrors.map(new ServiceUnknown("no bluetoothd"), null, "open"))
                .isInstanceOf(BluezUnavailableException.class)
                .hasMessageContaining("org.freedesktop.DBus.Error.ServiceUnknown");
        assertThat(BluezErrors.map(new AccessDenied("polkit says no"), null, "pair"))
                .isInstanceOf(BluezUnavailableException.class);
    }

    @Test
    void bluezDbusCheckedExceptionsAndOtherFailuresAreTypedToo() {
        assertThat(BluezErrors.map(new org.bluez.exceptions.BluezNotPermittedException("no"), "AA:BB", "write"))
                .isInstanceOf(BluezNotPermittedException.class);
        assertThat(BluezErrors.map(new TimeoutException(), "AA:BB", "write")).isInstanceOf(BluezTimeoutException.class);
        CamrigException plain = BluezErrors.map(new DBusExecutionException("who knows"), "AA:BB", "write");
        assertThat(plain).isExactlyInstanceOf(BluezException.class).hasMessage("[AA:BB] write: who knows");
        assertThat(BluezErrors.nameOf(plain)).isNull();
        BluezTimeoutException typed = new BluezTimeoutException("late", "AA:BB", "read", null, null);
        assertThat(BluezErrors.map(typed, "CC:DD", "other")).isSameAs(typed);
    }
}
