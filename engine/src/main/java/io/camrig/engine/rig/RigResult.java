package io.camrig.engine.rig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-camera result of one rig operation: one {@link Outcome} per camera, in rig order.
 *
 * @param step     the operation's name
 * @param outcomes member → outcome, in rig order
 * @param <T>      the value each camera's part yields
 */
public record RigResult<T>(String step, Map<RigMember, Outcome<T>> outcomes) {
    public RigResult {
        outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** {@code true} when every camera's part succeeded. */
    public boolean allOk() {
        return outcomes.values().stream().allMatch(Outcome::isOk);
    }

    /** The members whose part succeeded. */
    public List<RigMember> succeeded() {
        return outcomes.entrySet().stream().filter(e -> e.getValue().isOk()).map(Map.Entry::getKey).toList();
    }

    /** The value a member's part yielded, when it succeeded. */
    @SuppressWarnings("unchecked")
    public Optional<T> value(RigMember member) {
        Outcome<T> o = outcomes.get(member);
        return o instanceof Outcome.Ok<T> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
    }
}
