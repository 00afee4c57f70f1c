package io.camrig.engine.credentials;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/** A {@link CredentialStore} for one process: nothing is written anywhere. */
public final class InMemoryCredentialStore implements CredentialStore {
    private final ConcurrentSkipListMap<String, CameraCredentials> entries = new ConcurrentSkipListMap<>();
    private final Clock clock;

    public InMemoryCredentialStore() {
        this(Clock.systemUTC());
    }

    public InMemoryCredentialStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<CameraCredentials> list() {
        return List.copyOf(entries.values());
    }

    @Override
    public Optional<CameraCredentials> get(String serial) {
        return Optional.ofNullable(entries.get(serial));
    }

    @Override
    public CameraCredentials update(String serial, UnaryOperator<CameraCredentials> change) {
        return entries.compute(serial, (k, v) -> Objects.requireNonNull(
                change.apply(v != null ? v : CameraCredentials.empty(serial, clock.instant())), "new entry"));
    }

    @Override
    public boolean forget(String serial) {
        return entries.remove(serial) != null;
    }
}
