package io.camrig.ble.bluez.testing;

import io.camrig.ble.packet.PacketFragmenter;
import io.camrig.dbus.testing.DbusMockApi;
import io.camrig.proto.codec.EncodedRequest;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.codec.ResponseEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.ProtobufId;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.pb.EnumCameraControlStatus;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.ResponseGeneric;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.Variant;

/**
 * A GoPro on the mocked BlueZ: a {@code Device1} that advertises service 0xFEA6 and GoPro's
 * manufacturer data, connects (setting {@code Connected} and {@code ServicesResolved}, which the
 * template's own {@code Connect} does not), pairs (the template's {@code Pair}), and carries the
 * GoPro GATT table (Open GoPro BLE spec, "BLE Characteristics") as {@code GattService1} and
 * {@code GattCharacteristic1} objects. Characteristics refuse reads, writes and
 * {@code StartNotify} with {@code org.bluez.Error.NotConnected} while the link is down and with
 * {@code org.bluez.Error.NotPermitted} until the device is paired — a GoPro needs an encrypted link.
 *
 * <p>The responder: a write whose packet equals a registered request packet makes the mock set
 * {@code Value} (a {@code PropertiesChanged}, i.e. a notification) on the registered response
 * characteristics, in order, if their notifications are on. {@link #answerSession} registers the
 * answers of a short session: hardware info (0x3C), status registration (0x53 for 8 and 10),
 * camera control (0xF1 0x69), shutter on and off (0x01, each followed by a 0x93 encoding push).
 */
public final class MockGoProCamera {
    /** GoPro's Bluetooth SIG company identifier, the key of its manufacturer data. */
    public static final int GOPRO_COMPANY_ID = 0x02F2;

    private static final String CHAR = "org.bluez.GattCharacteristic1";
    private static final String SERVICE = "org.bluez.GattService1";
    private static final String DEVICE = "org.bluez.Device1";

    /** Python: refuse unless the device is connected and paired. */
    private static final String LINK_CHECK = """
            _svc = objects[str(self.props['org.bluez.GattCharacteristic1']['Service'])]
            _dev = objects[str(_svc.props['org.bluez.GattService1']['Device'])].props['org.bluez.Device1']
            if not _dev['Connected']:
                raise dbus.exceptions.DBusException('Not Connected', name='org.bluez.Error.NotConnected')
            if not _dev['Paired']:
                raise dbus.exceptions.DBusException('Insufficient Authentication', name='org.bluez.Error.NotPermitted')
            """;
    /** Python: like BlueZ, a read also updates the cached Value (a PropertiesChanged). */
    private static final String READ_VALUE = """
            ret = self.props['org.bluez.GattCharacteristic1']['Value']
            self.EmitSignal('org.freedesktop.DBus.Properties', 'PropertiesChanged', 'sa{sv}as',
                            ['org.bluez.GattCharacteristic1', {'Value': dbus.Array(ret, signature='y', variant_level=1)}, []])
            """;
    private static final String CONNECT = """
            if self.props['io.camrig.Mock']['Stale']:
                raise dbus.exceptions.DBusException('Authentication Failed', name='org.bluez.Error.AuthenticationFailed')
            self.UpdateProperties('org.bluez.Device1', {'Connected': dbus.Boolean(True)})
            self.UpdateProperties('org.bluez.Device1', {'ServicesResolved': dbus.Boolean(True)})
            """;
    private static final String DISCONNECT = """
            for _p, _o in list(objects.items()):
                if _p.startswith(self.path + '/') and 'org.bluez.GattCharacteristic1' in _o.props:
                    _o.props['org.bluez.GattCharacteristic1']['Notifying'] = dbus.Boolean(False)
            self.UpdateProperties('org.bluez.Device1', {'Connected': dbus.Boolean(False), 'ServicesResolved': dbus.Boolean(False)})
            """;

    /** Python: Adapter1.RemoveDevice that lets a camera flagged "Readvertise" be heard again at once. */
    private static final String REMOVE_DEVICE = """
            _path = str(args[0])
            _om = objects['/']
            _dev = objects[_path]
            if _dev.props.get('io.camrig.Mock', {}).get('Readvertise'):
                _props = _dev.props['org.bluez.Device1']
                for _k in ('Paired', 'Connected', 'ServicesResolved', 'Trusted'):
                    _props[_k] = dbus.Boolean(False)
                _props['UUIDs'] = dbus.Array(['0000fea6-0000-1000-8000-00805f9b34fb'], signature='s')
                _dev.props['io.camrig.Mock']['Stale'] = dbus.Boolean(False)
                _om.EmitSignal('org.freedesktop.DBus.ObjectManager', 'InterfacesRemoved', 'oas',
                               [dbus.ObjectPath(_path), ['org.bluez.Device1']])
                _om.EmitSignal('org.freedesktop.DBus.ObjectManager', 'InterfacesAdded', 'oa{sa{sv}}',
                               [dbus.ObjectPath(_path), {'org.bluez.Device1': _props}])
            else:
                self.RemoveObject(_path)
                _om.EmitSignal('org.freedesktop.DBus.ObjectManager', 'InterfacesRemoved', 'oas',
                               [dbus.ObjectPath(_path), ['org.bluez.Device1']])
            """;
    /** Python: the template's Pair, minus the phone UUIDs it puts on the device. */
    private static final String PAIR = """
            if self.props['org.bluez.Device1']['Paired']:
                raise dbus.exceptions.DBusException('Already Exists', name='org.bluez.Error.AlreadyExists')
            self.UpdateProperties('org.bluez.Device1', {'Paired': dbus.Boolean(True)})
            """;
    /** Python, on {@code /}: emit InterfacesAdded for a device made with AddObject. */
    private static final String ANNOUNCE = """
            self.EmitSignal('org.freedesktop.DBus.ObjectManager', 'InterfacesAdded', 'oa{sa{sv}}',
                            [args[0], {'org.bluez.Device1': objects[str(args[0])].props['org.bluez.Device1']}])
            """;
    private static final String FLAGS = "io.camrig.Mock";
    private static final String ADAPTER_PATH = "/org/bluez/" + MockBluezBus.ADAPTER;

    private record Answer(String requestHex, List<String[]> pushes) {
    }

    private final MockBluezBus bus;
    private final String address;
    private final String name;
    private final String devicePath;
    private final Map<GoProUuid, String> paths = new EnumMap<>(GoProUuid.class);
    private final List<Answer> answers = new ArrayList<>();

    private MockGoProCamera(MockBluezBus bus, String address, String name, String devicePath) {
        this.bus = bus;
        this.address = address;
        this.name = name;
        this.devicePath = devicePath;
    }

    static MockGoProCamera add(MockBluezBus bus, String address, String name) throws DBusException {
        String path = ADAPTER_PATH + "/dev_" + address.replace(':', '_').toUpperCase(java.util.Locale.ROOT);
        MockGoProCamera camera = new MockGoProCamera(bus, address, name, path);
        camera.install();
        return camera;
    }

    public String address() {
        return address;
    }

    public String name() {
        return name;
    }

    public String devicePath() {
        return devicePath;
    }

    /** The object path of a characteristic. */
    public String path(GoProUuid characteristic) {
        return paths.get(characteristic);
    }

    /**
     * Registers the answers of a short session and the AP credentials behind GP-0002 and GP-0003.
     */
    public MockGoProCamera answerSession(HardwareInfo info, String ssid, String password) throws DBusException {
        setValue(GoProUuid.WIFI_AP_SSID, ssid.getBytes(StandardCharsets.UTF_8));
        setValue(GoProUuid.WIFI_AP_PASSWORD, password.getBytes(StandardCharsets.UTF_8));
        answer(RequestEncoder.getHardwareInfo(), GoProUuid.COMMAND_RESPONSE,
                ResponseEncoder.commandResponse(CommandId.GET_HARDWARE_INFO, TlvStatus.SUCCESS, info.encode()));
        answer(RequestEncoder.registerStatusUpdates(Status.BUSY.id(), Status.ENCODING.id()), GoProUuid.QUERY_RESPONSE,
                ResponseEncoder.queryResponse(QueryId.REGISTER_STATUS_VALUE_UPDATES, TlvStatus.SUCCESS,
                        List.of(new TlvEntry(Status.BUSY.id(), new byte[] {0}), new TlvEntry(Status.ENCODING.id(), new byte[] {0}))));
        answer(RequestEncoder.setCameraControl(EnumCameraControlStatus.CAMERA_EXTERNAL_CONTROL), GoProUuid.COMMAND_RESPONSE,
                ResponseEncoder.protobuf(ProtobufId.FEATURE_COMMAND, ProtobufId.ACTION_SET_CAMERA_CONTROL_RESPONSE,
                        ResponseGeneric.newBuilder().setResult(EnumResultGeneric.RESULT_SUCCESS).build()));
        for (boolean on : new boolean[] {true, false}) {
            Map<GoProUuid, byte[]> pushes = new LinkedHashMap<>();
            pushes.put(GoProUuid.COMMAND_RESPONSE,
                    ResponseEncoder.commandResponse(CommandId.SET_SHUTTER, TlvStatus.SUCCESS, new byte[0]));
            pushes.put(GoProUuid.QUERY_RESPONSE, ResponseEncoder.push(QueryId.STATUS_VALUE_PUSH,
                    List.of(new TlvEntry(Status.ENCODING.id(), new byte[] {(byte) (on ? 1 : 0)}))));
            answer(RequestEncoder.setShutter(on), pushes);
        }
        return this;
    }

    /** When {@code request} is written, notifies {@code message} (fragmented) on {@code response}. */
    public MockGoProCamera answer(EncodedRequest request, GoProUuid response, byte[] message) throws DBusException {
        return answer(request, Map.of(response, message));
    }

    /** When {@code request} is written, notifies each message, in order, on its characteristic. */
    public MockGoProCamera answer(EncodedRequest request, Map<GoProUuid, byte[]> messages) throws DBusException {
        List<byte[]> requestPackets = PacketFragmenter.fragment(request.bytes());
        if (requestPackets.size() != 1) {
            throw new IllegalArgumentException("the responder matches single-packet requests only");
        }
        List<String[]> pushes = new ArrayList<>();
        messages.forEach((uuid, message) -> PacketFragmenter.fragment(message)
                .forEach(p -> pushes.add(new String[] {paths.get(uuid), HexFormat.of().formatHex(p)})));
        answers.add(new Answer(HexFormat.of().formatHex(requestPackets.get(0)), pushes));
        installResponder();
        return this;
    }

    /** Sets the value a read of {@code characteristic} returns (no notification). */
    public void setValue(GoProUuid characteristic, byte[] value) throws DBusException {
        Properties props = bus.remote(path(characteristic), Properties.class);
        props.Set(CHAR, "Value", value);
    }

    /** The camera drops the link: {@code Connected} turns false. */
    public void dropLink() throws DBusException {
        bus.mock(devicePath).UpdateProperties(DEVICE, Map.of("Connected", new Variant<>(Boolean.FALSE),
                "ServicesResolved", new Variant<>(Boolean.FALSE)));
    }

    /**
     * The host has a bond the camera no longer accepts: the device is paired, and connecting fails
     * with {@code org.bluez.Error.AuthenticationFailed} until the device is removed.
     */
    public void makeBondStale() throws DBusException {
        bus.bluezMock().PairDevice(MockBluezBus.ADAPTER, address, 0);
        setFlag("Stale", true);
    }

    private void setFlag(String flag, boolean value) throws DBusException {
        bus.remote(devicePath, Properties.class).Set(FLAGS, flag, value);
    }

    /**
     * When BlueZ removes this device ({@code Adapter1.RemoveDevice}), the camera — still in pairing
     * mode — is heard again at once: the bond is gone ({@code Paired} false, no stale keys), and the
     * device disappears and reappears ({@code InterfacesRemoved}, {@code InterfacesAdded}) with the
     * same path, GATT table and answers. One mock call does it all, so no client sees a half-made device.
     */
    public void readvertiseWhenRemoved() throws DBusException {
        setFlag("Readvertise", true);
        bus.mock(ADAPTER_PATH).AddMethod("org.bluez.Adapter1", "RemoveDevice", "o", "", REMOVE_DEVICE);
    }

    /** Every write to {@code characteristic} fails with the D-Bus error {@code errorName}. */
    public void failWrites(GoProUuid characteristic, String errorName) throws DBusException {
        bus.mock(path(characteristic)).AddMethod(CHAR, "WriteValue", "aya{sv}", "",
                "raise dbus.exceptions.DBusException('mock failure', name='" + errorName + "')");
    }

    /** {@code StartNotify} on {@code characteristic} blocks the whole mock for {@code seconds} before answering. */
    public void delayStartNotify(GoProUuid characteristic, double seconds) throws DBusException {
        bus.mock(path(characteristic)).AddMethod(CHAR, "StartNotify", "", "",
                "import time\ntime.sleep(" + seconds + ")\n" + startNotify());
    }

    /** Whether notifications are on for a characteristic. */
    public boolean notifying(GoProUuid characteristic) throws DBusException {
        Properties props = bus.remote(path(characteristic), Properties.class);
        return props.<Boolean>Get(CHAR, "Notifying");
    }

    /** Whether BlueZ (the mock) holds a bond with the camera. */
    public boolean paired() throws DBusException {
        Properties props = bus.remote(devicePath, Properties.class);
        return props.<Boolean>Get(DEVICE, "Paired");
    }

    private void install() throws DBusException {
        int handle = 0x000a;
        GoProUuid[][] table = {
            {GoProUuid.WIFI_AP_SERVICE, GoProUuid.WIFI_AP_SSID, GoProUuid.WIFI_AP_PASSWORD, GoProUuid.WIFI_AP_POWER,
                GoProUuid.WIFI_AP_STATE},
            {GoProUuid.CAMERA_MANAGEMENT_SERVICE, GoProUuid.NETWORK_MANAGEMENT_COMMAND,
                GoProUuid.NETWORK_MANAGEMENT_RESPONSE},
            {null, GoProUuid.COMMAND, GoProUuid.COMMAND_RESPONSE, GoProUuid.SETTINGS, GoProUuid.SETTINGS_RESPONSE,
                GoProUuid.QUERY, GoProUuid.QUERY_RESPONSE},
        };
        for (GoProUuid[] service : table) {
            String servicePath = String.format("%s/service%04x", devicePath, handle++);
            String uuid = service[0] == null ? GoProUuid.CONTROL_AND_QUERY_SERVICE.toString() : service[0].uuid().toString();
            bus.mock("/").AddObject(servicePath, SERVICE, Map.of("UUID", new Variant<>(uuid),
                    "Primary", new Variant<>(Boolean.TRUE), "Device", new Variant<>(new DBusPath(devicePath))), List.of());
            for (int i = 1; i < service.length; i++) {
                GoProUuid c = service[i];
                String charPath = String.format("%s/char%04x", servicePath, handle++);
                paths.put(c, charPath);
                bus.mock("/").AddObject(charPath, CHAR, Map.of("UUID", new Variant<>(c.uuid().toString()),
                        "Service", new Variant<>(new DBusPath(servicePath)), "Value", new Variant<>(new byte[0]),
                        "Notifying", new Variant<>(Boolean.FALSE), "Flags", new Variant<>(flags(c))), List.of(
                        new DbusMockApi.MethodSpec("ReadValue", "a{sv}", "ay", LINK_CHECK + READ_VALUE),
                        new DbusMockApi.MethodSpec("WriteValue", "aya{sv}", "", LINK_CHECK),
                        new DbusMockApi.MethodSpec("StartNotify", "", "", startNotify()),
                        new DbusMockApi.MethodSpec("StopNotify", "", "",
                                "self.UpdateProperties('org.bluez.GattCharacteristic1', "
                                        + "{'Notifying': dbus.Boolean(False)})\n")));
            }
        }
        // The device last, complete, then announced: a client reacting to InterfacesAdded never sees
        // a half-made camera (the template's AddDevice announces before its methods are replaced).
        Map<String, Variant<?>> props = new LinkedHashMap<>();
        props.put("Address", new Variant<>(address));
        props.put("AddressType", new Variant<>("public"));
        props.put("Name", new Variant<>(name));
        props.put("Alias", new Variant<>(name));
        props.put("Adapter", new Variant<>(new DBusPath(ADAPTER_PATH)));
        props.put("Paired", new Variant<>(Boolean.FALSE));
        props.put("Trusted", new Variant<>(Boolean.FALSE));
        props.put("Blocked", new Variant<>(Boolean.FALSE));
        props.put("Connected", new Variant<>(Boolean.FALSE));
        props.put("ServicesResolved", new Variant<>(Boolean.FALSE));
        props.put("LegacyPairing", new Variant<>(Boolean.FALSE));
        props.put("RSSI", new Variant<>((short) -79));
        props.put("UUIDs", new Variant<>(new String[] {GoProUuid.CONTROL_AND_QUERY_SERVICE.toString()}));
        props.put("ManufacturerData", new Variant<>(Map.of(new UInt16(GOPRO_COMPANY_ID),
                new Variant<>(new byte[] {0x02, 0x01, 0x3E})), "a{qv}"));
        bus.mock("/").AddObject(devicePath, DEVICE, props, List.of(
                new DbusMockApi.MethodSpec("Connect", "", "", CONNECT),
                new DbusMockApi.MethodSpec("Disconnect", "", "", DISCONNECT),
                new DbusMockApi.MethodSpec("Pair", "", "", PAIR),
                new DbusMockApi.MethodSpec("CancelPairing", "", "", ""),
                new DbusMockApi.MethodSpec("ConnectProfile", "s", "", ""),
                new DbusMockApi.MethodSpec("DisconnectProfile", "s", "", "")));
        bus.mock(devicePath).AddProperty(FLAGS, "Stale", new Variant<>(Boolean.FALSE));
        bus.mock(devicePath).AddProperty(FLAGS, "Readvertise", new Variant<>(Boolean.FALSE));
        bus.mock("/").AddMethod(FLAGS, "Announce", "o", "", ANNOUNCE);
        bus.remote("/", BluezMockApi.CamrigMock.class).Announce(new DBusPath(devicePath));
    }

    private static String startNotify() {
        return LINK_CHECK + "self.UpdateProperties('org.bluez.GattCharacteristic1', {'Notifying': dbus.Boolean(True)})\n";
    }

    private void installResponder() throws DBusException {
        StringBuilder table = new StringBuilder("ANSWERS = [\n");
        for (Answer a : answers) {
            table.append("    ('").append(a.requestHex()).append("', [");
            for (String[] push : a.pushes()) {
                table.append("('").append(push[0]).append("', '").append(push[1]).append("'), ");
            }
            table.append("]),\n");
        }
        table.append("]\n");
        String code = LINK_CHECK + table + """
                _v = bytes(args[0]).hex()
                for _key, _pushes in ANSWERS:
                    if _v == _key:
                        for _path, _pkt in _pushes:
                            _c = objects[_path]
                            if _c.props['org.bluez.GattCharacteristic1']['Notifying']:
                                _c.UpdateProperties('org.bluez.GattCharacteristic1', {'Value': dbus.Array(bytes.fromhex(_pkt), signature='y')})
                        break
                """;
        for (GoProUuid request : new GoProUuid[] {GoProUuid.COMMAND, GoProUuid.SETTINGS, GoProUuid.QUERY,
                GoProUuid.NETWORK_MANAGEMENT_COMMAND}) {
            bus.mock(path(request)).AddMethod(CHAR, "WriteValue", "aya{sv}", "", code);
        }
    }

    private static String[] flags(GoProUuid c) {
        return switch (c.kind()) {
            case READ -> new String[] {"read", "write"};
            case WRITE -> new String[] {"write", "write-without-response"};
            case NOTIFY -> new String[] {"notify"};
            case SERVICE -> new String[0];
        };
    }
}
