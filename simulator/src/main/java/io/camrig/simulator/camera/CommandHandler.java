package io.camrig.simulator.camera;

import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.OperationInfo;
import io.camrig.proto.codec.ResponseEncoder;
import io.camrig.proto.error.MalformedMessageException;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.CameraDateTime;
import io.camrig.proto.message.CameraLocalDateTime;
import io.camrig.proto.message.OpenGoProVersion;
import io.camrig.proto.request.CommandRequest;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers TLV commands on GP-0072 with {@code [command id][status][payload…]} on GP-0073.
 *
 * <ul>
 *   <li>A command the model does not support (references.json), or an unknown one: status 2
 *       (invalid parameter). So is a parameter of the wrong length.</li>
 *   <li>Set Shutter, Load Preset (Group), Delete All Files: status 1 (error) while busy or
 *       encoding; Hilight Moment: status 1 unless encoding.</li>
 *   <li>Get Date Time, Get Local Date Time: the clock as last set (UTC now before that).</li>
 *   <li>Set AP Control: mode 0 (off), 1 (on) or 2 (bounce), see {@link VirtualCamera}; status 69
 *       turns 1 only after a delay, 0 at once. Another mode: status 2.</li>
 *   <li>Sleep, Reboot, Press Button, Set Analytics: acknowledged; the simulated camera neither
 *       sleeps nor reboots (its BLE link stays up).</li>
 * </ul>
 *
 * <p>Source: Open GoPro BLE spec, "Control", "Query", "Presets", "Hilights".
 */
final class CommandHandler {
    private final VirtualCamera camera;
    private final GattServerSession session;
    private final Map<Integer, Function<CommandRequest, byte[]>> table;

    CommandHandler(VirtualCamera camera, GattServerSession session) {
        this.camera = camera;
        this.session = session;
        this.table = Map.ofEntries(
                Map.entry(CommandId.SET_SHUTTER, this::shutter),
                Map.entry(CommandId.SLEEP, c -> noParameters(c, TlvStatus.SUCCESS)),
                Map.entry(CommandId.POWER_DOWN, c -> noParameters(c, TlvStatus.SUCCESS)),
                Map.entry(CommandId.SET_DATE_TIME, this::setDateTime),
                Map.entry(CommandId.GET_DATE_TIME, c -> answer(c, TlvStatus.SUCCESS,
                        new CameraDateTime(camera.cameraClock().local().dateTime()).encodeGetDateTimeResponse())),
                Map.entry(CommandId.SET_LOCAL_DATE_TIME, this::setLocalDateTime),
                Map.entry(CommandId.GET_LOCAL_DATE_TIME, c -> answer(c, TlvStatus.SUCCESS,
                        camera.cameraClock().local().encodeGetLocalDateTimeResponse())),
                Map.entry(CommandId.REBOOT, c -> noParameters(c, TlvStatus.SUCCESS)),
                Map.entry(CommandId.SET_AP_CONTROL, this::apControl),
                Map.entry(CommandId.HILIGHT_MOMENT, c -> noParameters(c, camera.recorder().hilight())),
                Map.entry(CommandId.PRESS_BUTTON, c -> answer(c, TlvStatus.SUCCESS, new byte[0])),
                Map.entry(CommandId.GET_HARDWARE_INFO, c -> answer(c, TlvStatus.SUCCESS, camera.identity().hardwareInfo().encode())),
                Map.entry(CommandId.LOAD_PRESET_GROUP, this::loadPresetGroup),
                Map.entry(CommandId.LOAD_PRESET, this::loadPreset),
                Map.entry(CommandId.DELETE_ALL_FILES, c -> noParameters(c, camera.recorder().deleteAllFiles())),
                Map.entry(CommandId.SET_ANALYTICS, c -> noParameters(c, TlvStatus.SUCCESS)),
                Map.entry(CommandId.GET_OPEN_GOPRO_VERSION, c -> answer(c, TlvStatus.SUCCESS,
                        new OpenGoProVersion(2, 0).encode())));
    }

    /** The catalog operations answered here. */
    static Set<Operation> operations() {
        return Set.of(CommandId.SET_SHUTTER, CommandId.SLEEP, CommandId.POWER_DOWN, CommandId.SET_DATE_TIME, CommandId.GET_DATE_TIME,
                        CommandId.SET_LOCAL_DATE_TIME, CommandId.GET_LOCAL_DATE_TIME, CommandId.REBOOT,
                        CommandId.SET_AP_CONTROL, CommandId.HILIGHT_MOMENT, CommandId.PRESS_BUTTON,
                        CommandId.GET_HARDWARE_INFO, CommandId.LOAD_PRESET_GROUP, CommandId.LOAD_PRESET,
                        CommandId.DELETE_ALL_FILES, CommandId.SET_ANALYTICS, CommandId.GET_OPEN_GOPRO_VERSION)
                .stream()
                .flatMap(id -> Catalog.command(id).stream())
                .map(OperationInfo::operation)
                .collect(Collectors.toUnmodifiableSet());
    }

    byte[] handle(CommandRequest c) {
        Function<CommandRequest, byte[]> f = table.get(c.commandId());
        boolean unsupported = Catalog.command(c.commandId()).map(o -> !o.supportedBy(camera.model())).orElse(false);
        if (f == null || unsupported) {
            return answer(c, TlvStatus.INVALID_PARAMETER, new byte[0]);
        }
        return f.apply(c);
    }

    private byte[] shutter(CommandRequest c) {
        if (!oneParameter(c, 1)) {
            return answer(c, TlvStatus.INVALID_PARAMETER, new byte[0]);
        }
        if (c.param(0)[0] == 1 && camera.recorder().loseShutterOn()) {
            return null;   // the command was lost on the way: nothing happens, nothing answers
        }
        return answer(c, camera.recorder().shutter(c.param(0)[0] == 1, session), new byte[0]);
    }

    private byte[] apControl(CommandRequest c) {
        if (!oneParameter(c, 1)) {
            return answer(c, TlvStatus.INVALID_PARAMETER, new byte[0]);
        }
        return answer(c, camera.network().apControl(c.param(0)[0] & 0xFF), new byte[0]);
    }

    private byte[] loadPresetGroup(CommandRequest c) {
        if (c.params().size() != 1 || (c.param(0).length != 2 && c.param(0).length != 4)) {
            return answer(c, TlvStatus.INVALID_PARAMETER, new byte[0]);
        }
        return answer(c, camera.presetControl().loadPresetGroup((int) unsigned(c.param(0))), new byte[0]);
    }

    private byte[] loadPreset(CommandRequest c) {
        if (!oneParameter(c, 4)) {
            return answer(c, TlvStatus.INVALID_PARAMETER, new byte[0]);
        }
        return answer(c, camera.presetControl().loadPreset(unsigned(c.param(0))), new byte[0]);
    }

    private byte[] setDateTime(CommandRequest c) {
        if (!oneParameter(c, CameraDateTime.LENGTH)) {
            return answer(c, TlvStatus.INVALID_PARAMETER, new byte[0]);
        }
        try {
            camera.cameraClock().set(new CameraLocalDateTime(CameraDateTime.parse(c.param(0)).dateTime(), 0, false));
            return answer(c, TlvStatus.SUCCESS, new byte[0]);
        } catch (MalformedMessageException e) {
            return answer(c, TlvStatus.INVALID_PARAMETER, new byte[0]);
        }
    }

    private byte[] setLocalDateTime(CommandRequest c) {
        if (!oneParameter(c, CameraLocalDateTime.LENGTH)) {
            return answer(c, TlvStatus.INVALID_PARAMETER, new byte[0]);
        }
        try {
            camera.cameraClock().set(CameraLocalDateTime.parse(c.param(0)));
            return answer(c, TlvStatus.SUCCESS, new byte[0]);
        } catch (MalformedMessageException e) {
            return answer(c, TlvStatus.INVALID_PARAMETER, new byte[0]);
        }
    }

    private static byte[] noParameters(CommandRequest c, TlvStatus status) {
        return answer(c, c.params().isEmpty() ? status : TlvStatus.INVALID_PARAMETER, new byte[0]);
    }

    private static boolean oneParameter(CommandRequest c, int length) {
        return c.params().size() == 1 && c.param(0).length == length;
    }

    private static byte[] answer(CommandRequest c, TlvStatus status, byte[] payload) {
        return ResponseEncoder.commandResponse(c.commandId(), status, status.isSuccess() ? payload : new byte[0]);
    }

    private static long unsigned(byte[] bytes) {
        long v = 0;
        for (byte b : bytes) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }
}
