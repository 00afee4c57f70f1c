package io.camrig.engine.provision;

/**
 * Receives {@link ProvisionEvent}s as they happen, on whichever thread the step ran: keep it short
 * and thread-safe, and do not block.
 */
@FunctionalInterface
public interface ProvisionListener {
    void onEvent(ProvisionEvent event);

    /** A listener that ignores everything. */
    static ProvisionListener none() {
        return e -> { };
    }
}
