package io.camrig.dbus.testing;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/**
 * The template-independent D-Bus interface python-dbusmock (0.28) exports on every mock object,
 * {@code org.freedesktop.DBus.Mock}, as a dbus-java proxy, with the structs it takes and returns.
 * Method bodies given to {@code AddObject}/{@code AddMethod} are Python code run inside the mock
 * with {@code self}, {@code args}, {@code objects} and {@code dbus} in scope; a value assigned to
 * {@code ret} is returned. A template's own helpers (bluez5's {@code org.bluez.Mock},
 * networkmanager's additions) are declared next to the fixture that uses them.
 */
public final class DbusMockApi {
    private DbusMockApi() {
    }

    /** {@code org.freedesktop.DBus.Mock}. */
    @DBusInterfaceName("org.freedesktop.DBus.Mock")
    public interface Mock extends DBusInterface {
        void AddObject(String path, String iface, Map<String, Variant<?>> properties, List<MethodSpec> methods);

        void AddMethod(String iface, String name, String inSig, String outSig, String code);

        void UpdateProperties(String iface, Map<String, Variant<?>> properties);

        void AddProperty(String iface, String name, Variant<?> value);

        void RemoveObject(String path);

        void Reset();

        /** Emits a signal from this object: {@code args} are converted to {@code signature}. */
        void EmitSignal(String iface, String name, String signature, List<Variant<?>> args);

        void ClearCalls();

        /** The calls of one method on this object, oldest first: {@code a(tav)}. */
        List<Call> GetMethodCalls(String method);

        /**
         * {@code org.freedesktop.DBus.Mock.MethodCalled(s name, av args)}: emitted by every mock method
         * before its code runs (so before its reply).
         */
        final class MethodCalled extends org.freedesktop.dbus.messages.DBusSignal {
            public final String name;
            public final List<Variant<?>> args;

            public MethodCalled(String path, String name, List<Variant<?>> args)
                    throws org.freedesktop.dbus.exceptions.DBusException {
                super(path, name, args);
                this.name = name;
                this.args = args;
            }
        }
    }

    /** One logged call: {@code (unix time in seconds, arguments)}. */
    public static final class Call extends Struct {
        @Position(0)
        public final org.freedesktop.dbus.types.UInt64 time;
        @Position(1)
        public final List<Variant<?>> args;

        public Call(org.freedesktop.dbus.types.UInt64 time, List<Variant<?>> args) {
            this.time = time;
            this.args = args;
        }
    }

    /** One method of {@code AddObject}: {@code (name, in_signature, out_signature, python code)}. */
    public static final class MethodSpec extends Struct {
        @Position(0)
        public final String name;
        @Position(1)
        public final String inSig;
        @Position(2)
        public final String outSig;
        @Position(3)
        public final String code;

        public MethodSpec(String name, String inSig, String outSig, String code) {
            this.name = name;
            this.inSig = inSig;
            this.outSig = outSig;
            this.code = code;
        }
    }
}
