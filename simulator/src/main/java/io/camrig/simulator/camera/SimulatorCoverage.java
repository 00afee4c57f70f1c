package io.camrig.simulator.camera;

import io.camrig.proto.catalog.Operation;
import java.util.Collections;
import java.util.Set;

/**
 * Which catalog operations the simulator answers, read from its handlers' dispatch tables. The
 * coverage test and docs/coverage.md compare it with the catalog.
 */
public final class SimulatorCoverage {
    private SimulatorCoverage() {
    }

    /** The operations a virtual camera answers (on the models that support them). */
    public static Set<Operation> operations() {
        return Collections.unmodifiableSet(RequestHandler.implemented());
    }
}
