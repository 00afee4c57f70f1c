package io.camrig.engine.provision.rig;

import io.camrig.engine.camera.Camera;
import io.camrig.engine.credentials.CredentialStore;
import io.camrig.engine.provision.NetworkJoin;
import io.camrig.engine.provision.NetworkProvisioner;
import io.camrig.engine.provision.ProvisionEvent;
import io.camrig.engine.provision.ProvisionListener;
import io.camrig.engine.provision.ProvisionStep;
import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.engine.provision.RigNetwork;
import io.camrig.engine.provision.Steps;
import io.camrig.engine.provision.cohn.CohnProvisioner;
import io.camrig.engine.provision.cohn.CohnResult;
import io.camrig.engine.rig.Outcome;
import io.camrig.engine.rig.Rig;
import io.camrig.engine.rig.RigMember;
import io.camrig.engine.rig.RigResult;
import io.camrig.proto.message.HardwareInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Provisions every camera of a rig for COHN on one network, {@link ProvisioningOptions#concurrency()}
 * cameras at a time, as three rig steps:
 * <ol>
 *   <li>{@code "identify"}: Get Hardware Info (0x3C) for the serial number, the store's key;</li>
 *   <li>{@code "network"}: connect or set up ({@link NetworkProvisioner});</li>
 *   <li>{@code "cohn"}: certificate and credentials, reused when still valid ({@link CohnProvisioner}).</li>
 * </ol>
 * Each step runs through the rig (per-camera isolation, Resilience4j policies, step log): a camera
 * that fails is reported with its typed error and skipped by the later steps; the others carry on.
 * A camera's {@link ProvisionStep#FAILED} event (detail: the step and the typed error) comes once its
 * step has ended on every camera, after any retries.
 * The steps are not retried by the rig (the network step has its own bounded scan retries); each is
 * bounded by the rig's operation time limit ({@code ResilienceOptions#operationTimeout()}, 20 s by
 * default): raise it to {@link ProvisioningOptions#rigStepLimit()}, or slow scans are cut short.
 */
public final class RigProvisioner {
    private final ProvisioningOptions options;
    private final NetworkProvisioner network;
    private final CohnProvisioner cohn;

    public RigProvisioner(CredentialStore store, ProvisioningOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.network = new NetworkProvisioner(options);
        this.cohn = new CohnProvisioner(store, options);
    }

    /** A run over {@code rig}, started when its result is subscribed; see {@link RigProvisioning}. */
    public RigProvisioning start(Rig rig, RigNetwork net) {
        return new RigProvisioning(listener -> provision(rig, net, listener));
    }

    /**
     * Provisions every healthy member of {@code rig} for {@code net}.
     *
     * @param listener gets each camera's progress, ending with {@link ProvisionStep#DONE} (detail: the
     *                 IP address) or {@link ProvisionStep#FAILED} (detail: the error, never a secret,
     *                 or {@code "skipped: …"} for a camera that had failed before the run)
     * @return the outcome per member, in rig order (step {@code "provision"})
     */
    public Mono<RigResult<ProvisionedCamera>> provision(Rig rig, RigNetwork net, ProvisionListener listener) {
        int n = options.concurrency();
        return rig.forEachMember("identify", n, true, m -> onCamera(m, Camera::hardwareInfo),
                        HardwareInfo::serialNumber)
                .doOnNext(r -> reportFailures(r, listener))
                .flatMap(ids -> rig.forEachMember("network", n, false,
                                m -> onCamera(m, c -> network.connectOrSetUp(c, net, listener)),
                                j -> j.ssid() + (j.known() ? " known" : " set up"))
                        .doOnNext(r -> reportFailures(r, listener))
                        .flatMap(joins -> rig.forEachMember("cohn", n, false,
                                        m -> onCamera(m, c -> cohn.provision(c, ids.value(m).orElseThrow()
                                                .serialNumber(), joins.value(m).orElseThrow().ssid(), listener)),
                                        r -> r.credentials().ipAddress())
                                .doOnNext(r -> reportFailures(r, listener))
                                .map(cohns -> merge(rig.members(), ids, joins, cohns, listener))));
    }

    private static <T> Mono<T> onCamera(RigMember m, Function<Camera, Mono<T>> op) {
        return m.currentCamera().flatMap(op);
    }

    /** A FAILED event for each member whose part of this step failed (once, after any retries). */
    private static void reportFailures(RigResult<?> step, ProvisionListener listener) {
        step.outcomes().forEach((m, o) -> {
            if (o instanceof Outcome.Failed<?> f) {
                listener.onEvent(new ProvisionEvent(m.advertisedName(), ProvisionStep.FAILED,
                        step.step() + ": " + Steps.describe(f.cause())));
            }
        });
    }

    private static RigResult<ProvisionedCamera> merge(List<RigMember> members, RigResult<HardwareInfo> ids,
                                                      RigResult<NetworkJoin> joins, RigResult<CohnResult> cohns,
                                                      ProvisionListener listener) {
        Map<RigMember, Outcome<ProvisionedCamera>> out = new LinkedHashMap<>();
        for (RigMember m : members) {
            Outcome<CohnResult> last = cohns.outcomes().get(m);
            if (last instanceof Outcome.Ok<CohnResult> ok) {
                NetworkJoin join = joins.value(m).orElseThrow();
                ProvisionedCamera p = new ProvisionedCamera(m.advertisedName(), ids.value(m).orElseThrow().serialNumber(),
                        join.ssid(), ok.value().credentials().ipAddress(), join.known(), ok.value().reused());
                Duration total = ids.outcomes().get(m).latency().plus(joins.outcomes().get(m).latency())
                        .plus(ok.latency());
                out.put(m, new Outcome.Ok<>(p, total));
                listener.onEvent(new ProvisionEvent(m.advertisedName(), ProvisionStep.DONE, p.ipAddress()));
            } else {
                Outcome<ProvisionedCamera> failed = firstFailure(ids.outcomes().get(m), joins.outcomes().get(m), last);
                out.put(m, failed);
                if (failed instanceof Outcome.Skipped<ProvisionedCamera> skipped) {
                    // Never attempted (it failed before this run): still end its row.
                    listener.onEvent(new ProvisionEvent(m.advertisedName(), ProvisionStep.FAILED,
                            "skipped: " + skipped.reason()));
                }
            }
        }
        return new RigResult<>("provision", out);
    }

    private static Outcome<ProvisionedCamera> firstFailure(Outcome<?>... steps) {
        for (Outcome<?> o : steps) {
            if (o instanceof Outcome.Failed<?> f) {
                return new Outcome.Failed<>(f.cause(), f.latency());
            }
        }
        for (Outcome<?> o : steps) {
            if (o instanceof Outcome.Skipped<?> s) {
                return new Outcome.Skipped<>(s.reason());
            }
        }
        return new Outcome.Skipped<>("not run");
    }
}
