package io.camrig.ble.bluez;

import io.camrig.proto.error.CamrigException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * Maps what a D-Bus call throws to the typed errors of this package, by D-Bus error name:
 * <pre>
 * org.bluez.Error.NotConnected, org.freedesktop.DBus.Error.UnknownObject  → BluezNotConnectedException
 * org.bluez.Error.Authentication{Failed,Rejected,Canceled,Timeout}        → BluezAuthenticationException
 * org.bluez.Error.NotPermitted, org.bluez.Error.NotAuthorized             → BluezNotPermittedException
 * org.bluez.Error.InProgress                                              → BluezInProgressException
 * org.freedesktop.DBus.Error.{NoReply,Timeout}, a local time limit        → BluezTimeoutException
 * org.bluez.Error.{NotReady,NotSupported}, org.freedesktop.DBus.Error.{ServiceUnknown,AccessDenied,
 *   Disconnected}, an unreachable bus                                     → BluezUnavailableException (permanent)
 * anything else (org.bluez.Error.Failed, …)                               → BluezException
 * </pre>
 * The error name comes from {@link #errorName(Throwable)}; bluez-dbus's checked
 * {@code org.bluez.exceptions.BluezXxxException} classes map to {@code org.bluez.Error.Xxx}.
 */
final class BluezErrors {
    private static final String BLUEZ = "org.bluez.Error.";
    private static final String DBUS = "org.freedesktop.DBus.Error.";

    private BluezErrors() {
    }

    /**
     * The typed error for {@code error}, thrown by {@code operation} on the device at {@code address}
     * ({@code null} for adapter-wide operations). Typed camrig errors pass through unchanged.
     */
    static CamrigException map(Throwable error, String address, String operation) {
        if (error instanceof CamrigException c) {
            return c;
        }
        if (error instanceof TimeoutException) {
            return new BluezTimeoutException("no answer in time", address, operation, null, error);
        }
        String name = errorName(error);
        if (name == null) {
            if (error instanceof IOException || error instanceof DBusException) {
                return new BluezUnavailableException(describe(error), address, operation, null, error);
            }
            return new BluezException(describe(error), address, operation, null, error);
        }
        String message = describe(error) + " (" + name + ")";
        return switch (name) {
            case BLUEZ + "NotConnected", DBUS + "UnknownObject" ->
                    new BluezNotConnectedException(message, address, operation, name, error);
            case BLUEZ + "AuthenticationFailed", BLUEZ + "AuthenticationRejected",
                    BLUEZ + "AuthenticationCanceled", BLUEZ + "AuthenticationTimeout" ->
                    new BluezAuthenticationException(message, address, operation, name, error);
            case BLUEZ + "NotPermitted", BLUEZ + "NotAuthorized" ->
                    new BluezNotPermittedException(message, address, operation, name, error);
            case BLUEZ + "InProgress" -> new BluezInProgressException(message, address, operation, name, error);
            case DBUS + "NoReply", DBUS + "Timeout", DBUS + "TimedOut" ->
                    new BluezTimeoutException(message, address, operation, name, error);
            case BLUEZ + "NotReady", BLUEZ + "NotSupported", DBUS + "ServiceUnknown", DBUS + "AccessDenied",
                    DBUS + "Disconnected", DBUS + "NameHasNoOwner" ->
                    new BluezUnavailableException(message, address, operation, name, error);
            default -> new BluezException(message, address, operation, name, error);
        };
    }

    /**
     * The D-Bus error name carried by {@code error}, or {@code null}. dbus-java 5.2.0 keeps a remote
     * error's name only as the class of the exception it throws: the classes of package {@code
     * org.bluez.Error} for BlueZ's names, {@code org.freedesktop.dbus.errors} for the bus's own.
     */
    static String errorName(Throwable error) {
        String type = error.getClass().getName().replace('$', '.');
        if (error instanceof DBusExecutionException) {
            if (type.startsWith(BLUEZ)) {
                return type;
            }
            if (type.startsWith("org.freedesktop.dbus.errors.")) {
                return DBUS + type.substring("org.freedesktop.dbus.errors.".length());
            }
            return null;
        }
        if (error instanceof DBusException) {
            String simple = error.getClass().getSimpleName();
            if (error.getClass().getPackageName().equals("org.bluez.exceptions")
                    && simple.startsWith("Bluez") && simple.endsWith("Exception")) {
                return BLUEZ + simple.substring("Bluez".length(), simple.length() - "Exception".length());
            }
        }
        return null;
    }

    /** The D-Bus error name of a raw or an already mapped error, or {@code null}. */
    static String nameOf(Throwable error) {
        if (error instanceof BluezException b) {
            return b.dbusError().orElse(null);
        }
        if (error instanceof BluezUnavailableException u) {
            return u.dbusError().orElse(null);
        }
        return errorName(error);
    }

    /** {@code true} for the error names a peer answers when the link is gone or was never there. */
    static boolean isNotConnected(Throwable error) {
        return error instanceof BluezNotConnectedException
                || (BLUEZ + "NotConnected").equals(errorName(error));
    }

    private static String describe(Throwable error) {
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
    }
}
