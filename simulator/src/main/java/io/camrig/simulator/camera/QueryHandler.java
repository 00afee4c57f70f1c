package io.camrig.simulator.camera;

import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.codec.ResponseEncoder;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.request.QueryRequest;
import io.camrig.proto.request.SettingRequest;
import io.camrig.simulator.state.SimulatedSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Answers setting changes on GP-0074 ({@code [setting id][status]} on GP-0075) and the queries on
 * GP-0076 ({@code [query id][status]([id][length][value])*} on GP-0077).
 *
 * <ul>
 *   <li>Set Setting: status 2 (invalid parameter) for a setting the model lacks or an option that
 *       is not available now (the model's options, narrowed by the other settings); status 1
 *       (error) while busy or encoding; otherwise the camera is busy for a while and pushes what
 *       changed to registered clients.</li>
 *   <li>Get Setting Values (0x12), Register (0x52): one entry per setting, the value one byte (eight
 *       for uint64 settings). No ids means every setting.</li>
 *   <li>Get Setting Capabilities (0x32), Register (0x62): one entry per available option.</li>
 *   <li>Get Status Values (0x13), Register (0x53): one entry per status the model reports.</li>
 *   <li>Unregister (0x72, 0x73, 0x82): success, no entries. No ids means everything.</li>
 * </ul>
 * Ids the model lacks are left out of the entries.
 *
 * <p>Source: Open GoPro BLE spec, "Query"; "Settings"; "State Management".
 */
final class QueryHandler {
    private final VirtualCamera camera;
    private final SessionRegistrations registrations;

    QueryHandler(VirtualCamera camera, SessionRegistrations registrations) {
        this.camera = camera;
        this.registrations = registrations;
    }

    /** The catalog operations answered here (Change Setting included). */
    static Set<Operation> operations() {
        return Set.of(Operation.CHANGE_SETTING, Operation.GET_SETTING_VALUES, Operation.GET_STATUS_VALUES,
                Operation.GET_SETTING_CAPABILITIES, Operation.REGISTER_FOR_SETTING_VALUE_UPDATES,
                Operation.REGISTER_FOR_STATUS_VALUE_UPDATES, Operation.REGISTER_FOR_SETTING_CAPABILITY_UPDATES,
                Operation.UNREGISTER_FOR_SETTING_VALUE_UPDATES, Operation.UNREGISTER_FOR_STATUS_VALUE_UPDATES,
                Operation.UNREGISTER_FOR_SETTING_CAPABILITY_UPDATES);
    }

    byte[] setSetting(SettingRequest s) {
        int id = s.settingId();
        byte[] value = s.value();
        if (!camera.settings().supports(id) || value.length == 0 || value.length > 8) {
            return ResponseEncoder.settingResponse(id, TlvStatus.INVALID_PARAMETER);
        }
        if (camera.statuses().busy() || camera.statuses().encoding()) {
            return ResponseEncoder.settingResponse(id, TlvStatus.ERROR);
        }
        long v = 0;
        for (byte b : value) {
            v = (v << 8) | (b & 0xFF);
        }
        if (camera.settings().set(id, v) != SimulatedSettings.Result.OK) {
            return ResponseEncoder.settingResponse(id, TlvStatus.INVALID_PARAMETER);
        }
        camera.busyFor(camera.options().busyAfterSetting());
        return ResponseEncoder.settingResponse(id, TlvStatus.SUCCESS);
    }

    byte[] handle(QueryRequest q) {
        int id = q.queryId();
        List<Integer> ids = q.ids();
        List<TlvEntry> entries = switch (id) {
            case QueryId.GET_STATUS_VALUES -> camera.statuses().entries(ids);
            case QueryId.REGISTER_STATUS_VALUE_UPDATES -> {
                registrations.statuses.register(ids);
                yield camera.statuses().entries(ids);
            }
            case QueryId.GET_SETTING_VALUES -> settingValues(ids);
            case QueryId.REGISTER_SETTING_VALUE_UPDATES -> {
                registrations.settingValues.register(ids);
                yield settingValues(ids);
            }
            case QueryId.GET_SETTING_CAPABILITIES -> capabilities(ids);
            case QueryId.REGISTER_SETTING_CAPABILITY_UPDATES -> {
                registrations.capabilities.register(ids);
                yield capabilities(ids);
            }
            case QueryId.UNREGISTER_STATUS_VALUE_UPDATES -> {
                registrations.statuses.unregister(ids);
                yield List.of();
            }
            case QueryId.UNREGISTER_SETTING_VALUE_UPDATES -> {
                registrations.settingValues.unregister(ids);
                yield List.of();
            }
            case QueryId.UNREGISTER_SETTING_CAPABILITY_UPDATES -> {
                registrations.capabilities.unregister(ids);
                yield List.of();
            }
            default -> null;
        };
        if (entries == null) {
            return ResponseEncoder.queryResponse(id, TlvStatus.INVALID_PARAMETER, List.of());
        }
        return ResponseEncoder.queryResponse(id, TlvStatus.SUCCESS, entries);
    }

    /** One entry per option of a setting available now. */
    List<TlvEntry> capabilityEntries(int settingId) {
        List<TlvEntry> out = new ArrayList<>();
        for (long option : camera.settings().capabilities(settingId)) {
            out.add(new TlvEntry(settingId, SimulatedSettings.encode(settingId, option)));
        }
        return out;
    }

    private List<TlvEntry> settingValues(List<Integer> ids) {
        List<TlvEntry> out = new ArrayList<>();
        for (int id : ids.isEmpty() ? List.copyOf(new java.util.TreeSet<>(camera.settings().values().keySet())) : ids) {
            camera.settings().value(id).ifPresent(v -> out.add(new TlvEntry(id, SimulatedSettings.encode(id, v))));
        }
        return out;
    }

    private List<TlvEntry> capabilities(List<Integer> ids) {
        List<TlvEntry> out = new ArrayList<>();
        for (int id : ids.isEmpty() ? List.copyOf(new java.util.TreeSet<>(camera.settings().values().keySet())) : ids) {
            if (Catalog.setting(id).isPresent()) {
                out.addAll(capabilityEntries(id));
            }
        }
        return out;
    }
}
