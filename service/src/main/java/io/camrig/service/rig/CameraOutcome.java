package io.camrig.service.rig;

import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one camera's part of an operation came to, as the API and the event stream show it.
 *
 * @param camera   the camera's 1-based index in the rig
 * @param name     its advertised name, e.g. {@code GoPro 0003}
 * @param outcome  {@code ok}, {@code failed} or {@code skipped}
 * @param detail   a value worth showing ({@code "1080"}), the skip reason, or empty
 * @param error    the typed cause when failed (simple class name and message), else {@code null}
 * @param millis   how long the camera's part took, ms
 * @param node     the node driving the camera ({@code local} for a camera of this host)
 */
public record CameraOutcome(int camera, String name, String outcome, String detail, ErrorView error, double millis,
                            String node) {

    /** One outcome per camera of an engine result, in rig order; {@code detail} renders a value. */
    public static <T> List<CameraOutcome> of(RigResult<T> result, Function<T, String> detail) {
        List<CameraOutcome> out = new ArrayList<>();
        for (Map.Entry<RigMember, Outcome<T>> e : result.outcomes().entrySet()) {
            out.add(of(e.getKey(), e.getValue(), detail));
        }
        return out;
    }

    /** The outcome of one member. */
    public static <T> CameraOutcome of(RigMember m, Outcome<T> o, Function<T, String> detail) {
        double ms = o.latency().toNanos() / 1e6;
        String node = m.node().orElse(CameraViews.LOCAL_NODE);
        if (o instanceof Outcome.Ok<T> ok) {
            String d = ok.value() == null ? "" : detail.apply(ok.value());
            return new CameraOutcome(m.index(), m.advertisedName(), "ok", d == null ? "" : d, null, ms, node);
        }
        if (o instanceof Outcome.Failed<T> f) {
            return new CameraOutcome(m.index(), m.advertisedName(), "failed", "", ErrorView.of(f.cause()), ms, node);
        }
        return new CameraOutcome(m.index(), m.advertisedName(), "skipped", ((Outcome.Skipped<T>) o).reason(), null, 0, node);
    }

    /** {@code true} when the camera's part succeeded. */
    public boolean ok() {
        return "ok".equals(outcome);
    }
}
