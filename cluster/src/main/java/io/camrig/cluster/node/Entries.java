package io.camrig.cluster.node;

import io.camrig.cluster.wire.CameraEntry;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import io.camrig.proto.error.CamrigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Turns a node's {@link RigResult} into the per-camera entries of a reply. */
final class Entries {
    private Entries() {
    }

    /** Per-camera entries; {@code value} maps a member's successful value to the entry's number. */
    static <T> List<CameraEntry> of(RigResult<T> result, BiFunction<RigMember, T, Long> value,
                                    BiFunction<RigMember, T, Long> hostNanos) {
        List<CameraEntry> out = new ArrayList<>();
        for (Map.Entry<RigMember, Outcome<T>> e : result.outcomes().entrySet()) {
            out.add(entry(e.getKey(), e.getValue(), value, hostNanos));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> CameraEntry entry(RigMember m, Outcome<T> o, BiFunction<RigMember, T, Long> value,
                                         BiFunction<RigMember, T, Long> hostNanos) {
        long micros = o.latency().toNanos() / 1_000;
        if (o instanceof Outcome.Ok<T> ok) {
            T v = ok.value();
            Map<Integer, Long> values = v instanceof Map<?, ?> map ? (Map<Integer, Long>) map : null;
            return new CameraEntry(m.index(), m.advertisedName(), CameraEntry.OK, micros,
                    v == null || value == null ? null : value.apply(m, v), values,
                    v == null || hostNanos == null ? null : hostNanos.apply(m, v), null, null, m.latency().oneWayNanos());
        }
        if (o instanceof Outcome.Failed<T> f) {
            return failed(m, f.cause(), micros);
        }
        return new CameraEntry(m.index(), m.advertisedName(), CameraEntry.SKIPPED, 0, null, null, null, null,
                ((Outcome.Skipped<T>) o).reason(), null);
    }

    /** A failed entry: the error's type and message (camrig's messages never carry secrets). */
    static CameraEntry failed(RigMember m, Throwable cause, long micros) {
        String message = cause instanceof CamrigException ? cause.getMessage() : String.valueOf(cause.getMessage());
        return new CameraEntry(m.index(), m.advertisedName(), CameraEntry.FAILED, micros, null, null, null,
                cause.getClass().getSimpleName(), message, null);
    }

    /** Every member failed with {@code cause}. */
    static List<CameraEntry> allFailed(List<RigMember> members, Throwable cause) {
        return members.stream().map(m -> failed(m, cause, 0)).toList();
    }
}
