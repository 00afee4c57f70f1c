package io.camrig.engine.camera;

import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.Setting;
import io.camrig.proto.catalog.SettingInfo;
import io.camrig.proto.catalog.SettingOption;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.PushNotification;
import io.camrig.proto.message.QueryResponse;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Settings of one camera ({@link Camera#settings()}): read, set, capabilities, and push streams of
 * value and capability changes.
 *
 * <p>Set is {@code [setting id][length][value]} on GP-0074 (uint8 settings one byte, uint64 ones
 * eight, big-endian), answered {@code [setting id][status]} on GP-0075. Before sending, the value is
 * checked against the catalog for the camera's model (read with Get Hardware Info the first time):
 * an option the model does not support fails with {@code UnsupportedOptionException}, which names
 * the supported options, and nothing is sent. The camera itself may still refuse an option that
 * other settings rule out now (status 2, {@code CameraStatusException}); {@link #capabilities}
 * tells which are available.
 *
 * <p>Queries on GP-0076: Get Setting Values 0x12, Get Setting Capabilities 0x32; registrations
 * 0x52/0x62 with pushes 0x92/0xA2 on GP-0077, unregistered (0x72/0x82) when the last subscriber
 * cancels.
 *
 * <p>Source: Open GoPro BLE spec, "Settings", "Query"; references.json {@code settings}.
 */
public final class CameraSettings {
    private final CameraLink link;
    private final CameraInfo info;
    private final PushRegistry registry;

    CameraSettings(CameraLink link, CameraInfo info, PushRegistry registry) {
        this.link = link;
        this.info = info;
        this.registry = registry;
    }

    /** Get Setting Values (0x12) of one setting. */
    @Implements(Operation.GET_SETTING_VALUES)
    public Mono<SettingValue> get(Setting setting) {
        return get(new Setting[] {setting}).flatMap(values -> Mono.justOrEmpty(values.stream()
                .filter(v -> v.settingId() == setting.id()).findFirst()));
    }

    /** Get Setting Values (0x12) of several settings; none means every setting the camera has. */
    public Mono<List<SettingValue>> get(Setting... settings) {
        return link.deliver(link.query(QueryId.GET_SETTING_VALUES, ids(settings))
                .map(q -> q.entries().stream().map(SettingValue::of).toList()));
    }

    /** Every setting the camera has (0x12 with no ids). */
    public Mono<List<SettingValue>> all() {
        return get(new Setting[0]);
    }

    /** Sets a named option, e.g. {@code set(Setting.VIDEO_RESOLUTION, Setting.VIDEO_RESOLUTION.option("1080"))}. */
    public Mono<Void> set(Setting setting, SettingOption option) {
        if (option.settingId() != setting.id()) {
            return Mono.error(new IllegalArgumentException(option + " is not an option of " + setting.displayName()));
        }
        return set(setting, option.value());
    }

    /** Sets an option by name or key ({@code "1080"}, {@code "4k_4_3_v2"}). */
    public Mono<Void> set(Setting setting, String option) {
        return Mono.fromCallable(() -> setting.option(option)).flatMap(o -> set(setting, o));
    }

    /**
     * Change Setting: checks the value against the model's options, then sends it.
     *
     * @throws IllegalArgumentException (as the Mono's error) when the value does not fit the format
     */
    @Implements(Operation.CHANGE_SETTING)
    public Mono<Void> set(Setting setting, long value) {
        SettingInfo s = setting.info();
        String op = "setting " + s.id() + " " + s.snakeName();
        return link.deliver(info.model()
                .doOnNext(model -> s.check(link.name(), model, value))
                .then(Mono.defer(() -> link.setting(op, RequestEncoder.setSetting(s.id(), encode(s, value)), s.id()))));
    }

    /** Get Setting Capabilities (0x32): the options available now, per setting. */
    @Implements(Operation.GET_SETTING_CAPABILITIES)
    public Mono<List<SettingCapabilities>> capabilities(Setting... settings) {
        return link.deliver(link.query(QueryId.GET_SETTING_CAPABILITIES, ids(settings))
                .map(q -> SettingCapabilities.of(q.entries())));
    }

    /**
     * Register for Setting Value Updates (0x52): the current values, then every change (push
     * 0x92). Cancelling unregisters (0x72) what no other subscriber needs.
     */
    @Implements({Operation.REGISTER_FOR_SETTING_VALUE_UPDATES, Operation.UNREGISTER_FOR_SETTING_VALUE_UPDATES})
    public Flux<SettingValue> valueUpdates(Setting... settings) {
        int[] ids = requireSome(settings);
        return registered(PushRegistry.Kind.SETTING_VALUE, QueryId.REGISTER_SETTING_VALUE_UPDATES,
                QueryId.UNREGISTER_SETTING_VALUE_UPDATES, QueryId.SETTING_VALUE_PUSH, ids,
                q -> q.entries().stream().filter(e -> contains(ids, e.id())).map(SettingValue::of).toList());
    }

    /**
     * Register for Setting Capability Updates (0x62): the current capabilities, then every change
     * (push 0xA2). Cancelling unregisters (0x82) what no other subscriber needs.
     */
    @Implements({Operation.REGISTER_FOR_SETTING_CAPABILITY_UPDATES, Operation.UNREGISTER_FOR_SETTING_CAPABILITY_UPDATES})
    public Flux<SettingCapabilities> capabilityUpdates(Setting... settings) {
        int[] ids = requireSome(settings);
        return registered(PushRegistry.Kind.SETTING_CAPABILITY, QueryId.REGISTER_SETTING_CAPABILITY_UPDATES,
                QueryId.UNREGISTER_SETTING_CAPABILITY_UPDATES, QueryId.SETTING_CAPABILITY_PUSH, ids,
                q -> SettingCapabilities.of(q.entries().stream().filter(e -> contains(ids, e.id())).toList()));
    }

    private <T> Flux<T> registered(PushRegistry.Kind kind, int register, int unregister, int push, int[] ids,
                                   Function<QueryResponseLike, List<T>> items) {
        Predicate<CameraMessage> pushes = m -> m instanceof PushNotification p && p.queryId() == push;
        return Pushes.registered(link, pushes,
                m -> items.apply(QueryResponseLike.of((PushNotification) m)),
                Mono.defer(() -> {
                    registry.acquire(kind, ids);
                    return link.query(register, ids).map(q -> items.apply(QueryResponseLike.of(q)));
                }),
                () -> {
                    int[] free = registry.release(kind, ids);
                    if (free.length > 0) {
                        Pushes.fireAndForget(link, link.query(unregister, free));
                    }
                });
    }

    /** The entries of a query response or push, for the shared mapping. */
    private record QueryResponseLike(List<io.camrig.proto.message.TlvEntry> entries) {
        static QueryResponseLike of(QueryResponse q) {
            return new QueryResponseLike(q.entries());
        }

        static QueryResponseLike of(PushNotification p) {
            return new QueryResponseLike(p.entries());
        }
    }

    static byte[] encode(SettingInfo s, long value) {
        byte[] out = new byte[s.width()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    private static int[] ids(Setting... settings) {
        return Arrays.stream(settings).mapToInt(Setting::id).toArray();
    }

    private static int[] requireSome(Setting... settings) {
        if (settings.length == 0) {
            throw new IllegalArgumentException("name at least one setting");
        }
        return ids(settings);
    }

    private static boolean contains(int[] ids, int id) {
        return Arrays.stream(ids).anyMatch(i -> i == id);
    }
}
