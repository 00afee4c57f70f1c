package org.bluez;

import org.freedesktop.dbus.exceptions.DBusExecutionException;

/**
 * BlueZ's D-Bus error names as exception classes, so that they survive dbus-java 5.2.0.
 *
 * <p>dbus-java turns an error reply into the exception class whose name matches the error name
 * ({@code org.bluez.Error.Failed} → {@code org.bluez.Error$Failed}) and, in 5.2.0, forgets the name
 * when no such class exists; it also names an error it sends after the thrown class, so the camrig
 * pairing agent refuses with {@link Rejected}, which goes on the wire as {@code org.bluez.Error.Rejected}.
 * The names are those of BlueZ's D-Bus API documents ({@code doc/org.bluez.*.rst}). Only the camrig
 * BlueZ backend ({@code io.camrig.ble.bluez}) uses this class; it is not a type of bluez-dbus.
 */
public final class Error {
    private Error() {
    }

    /** Base of the error classes; the error name is {@code "org.bluez.Error." + getClass().getSimpleName()}. */
    public abstract static class BluezError extends DBusExecutionException {
        private static final long serialVersionUID = 1L;

        protected BluezError(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.Failed}: the operation failed (the catch-all). */
    public static final class Failed extends BluezError {
        private static final long serialVersionUID = 1L;

        public Failed(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.InProgress}: the same operation is already running. */
    public static final class InProgress extends BluezError {
        private static final long serialVersionUID = 1L;

        public InProgress(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.NotPermitted}: not permitted, e.g. a GATT operation that needs an encrypted link. */
    public static final class NotPermitted extends BluezError {
        private static final long serialVersionUID = 1L;

        public NotPermitted(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.NotAuthorized}: not authorized. */
    public static final class NotAuthorized extends BluezError {
        private static final long serialVersionUID = 1L;

        public NotAuthorized(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.NotConnected}: the device is not connected. */
    public static final class NotConnected extends BluezError {
        private static final long serialVersionUID = 1L;

        public NotConnected(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.AlreadyConnected}: the device is already connected. */
    public static final class AlreadyConnected extends BluezError {
        private static final long serialVersionUID = 1L;

        public AlreadyConnected(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.AlreadyExists}: already exists, e.g. pairing a bonded device or registering an agent twice. */
    public static final class AlreadyExists extends BluezError {
        private static final long serialVersionUID = 1L;

        public AlreadyExists(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.DoesNotExist}: no such object, e.g. removing an unknown device. */
    public static final class DoesNotExist extends BluezError {
        private static final long serialVersionUID = 1L;

        public DoesNotExist(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.AuthenticationFailed}: pairing or encryption failed, typical of a stale bond. */
    public static final class AuthenticationFailed extends BluezError {
        private static final long serialVersionUID = 1L;

        public AuthenticationFailed(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.AuthenticationRejected}: the peer rejected pairing. */
    public static final class AuthenticationRejected extends BluezError {
        private static final long serialVersionUID = 1L;

        public AuthenticationRejected(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.AuthenticationCanceled}: pairing was cancelled. */
    public static final class AuthenticationCanceled extends BluezError {
        private static final long serialVersionUID = 1L;

        public AuthenticationCanceled(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.AuthenticationTimeout}: pairing timed out. */
    public static final class AuthenticationTimeout extends BluezError {
        private static final long serialVersionUID = 1L;

        public AuthenticationTimeout(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.ConnectionAttemptFailed}: the connection attempt failed. */
    public static final class ConnectionAttemptFailed extends BluezError {
        private static final long serialVersionUID = 1L;

        public ConnectionAttemptFailed(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.NotReady}: the adapter is not ready (off). */
    public static final class NotReady extends BluezError {
        private static final long serialVersionUID = 1L;

        public NotReady(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.NotSupported}: not supported. */
    public static final class NotSupported extends BluezError {
        private static final long serialVersionUID = 1L;

        public NotSupported(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.NotAvailable}: not available. */
    public static final class NotAvailable extends BluezError {
        private static final long serialVersionUID = 1L;

        public NotAvailable(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.InvalidArguments}: invalid arguments. */
    public static final class InvalidArguments extends BluezError {
        private static final long serialVersionUID = 1L;

        public InvalidArguments(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.InvalidValueLength}: a written value has an invalid length. */
    public static final class InvalidValueLength extends BluezError {
        private static final long serialVersionUID = 1L;

        public InvalidValueLength(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.InvalidOffset}: a read offset is invalid. */
    public static final class InvalidOffset extends BluezError {
        private static final long serialVersionUID = 1L;

        public InvalidOffset(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.Rejected}: an agent refused the request. */
    public static final class Rejected extends BluezError {
        private static final long serialVersionUID = 1L;

        public Rejected(String message) {
            super(message);
        }
    }

    /** {@code org.bluez.Error.Canceled}: an agent cancelled the request. */
    public static final class Canceled extends BluezError {
        private static final long serialVersionUID = 1L;

        public Canceled(String message) {
            super(message);
        }
    }
}
