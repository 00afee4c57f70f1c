/**
 * BlueZ's D-Bus error names as exception classes, one class per name, so that they survive
 * dbus-java 5.2.0.
 *
 * <p>dbus-java turns an error reply into the exception class named like the error ({@code
 * org.bluez.Error.Failed} → class {@code Failed} of this package) and, in 5.2.0, forgets the name
 * when no such class exists; it also names an error it sends after the thrown class, so the camrig
 * pairing agent refuses with {@link org.bluez.Error.Rejected}, which goes on the wire as {@code
 * org.bluez.Error.Rejected}. The names are those of BlueZ's D-Bus API documents ({@code
 * doc/org.bluez.*.rst}).
 *
 * <p>This package is camrig's, not bluez-dbus's: bluez-dbus ships {@code org.bluez} and its
 * subpackages {@code exceptions}, {@code mesh} …, never {@code org.bluez.Error}, so no package is
 * split between the two jars. Only the camrig BlueZ backend ({@code io.camrig.ble.bluez}) uses it.
 */
package org.bluez.Error;
