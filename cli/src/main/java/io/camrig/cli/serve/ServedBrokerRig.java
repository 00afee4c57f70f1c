package io.camrig.cli.serve;

import io.camrig.cli.rig.ClusterLogin;
import io.camrig.cluster.Topics;
import io.camrig.cluster.coordinator.ClusterOptions;
import io.camrig.cluster.coordinator.DistributedRig;
import io.camrig.cluster.mqtt.BrokerUrl;
import io.camrig.engine.camera.StatusUpdate;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.rig.RigMember;
import io.camrig.prometheus.PrometheusEndpoint;
import io.camrig.engine.rig.RigResult;
import io.camrig.service.rig.NodeOps;
import io.camrig.service.rig.RigAccess;
import java.io.PrintWriter;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code camrig serve --broker URL}: the service over the distributed rig of the nodes on a broker
 * (the cluster module's {@link DistributedRig}); each camera's tile and API entry carries its
 * node, its status pushes come from the rig's status fan-in, settings and preset loads go to every
 * camera of every node. Blocking: for the command line.
 */
final class ServedBrokerRig {
    private ServedBrokerRig() {
    }

    /** Connects as the coordinator and waits for the nodes online (errors when there is none). */
    static RigAccess connect(String broker, ClusterLogin login, Duration clockLimit, picocli.CommandLine cl,
                             PrintWriter out) {
        BrokerUrl url;
        try {
            url = BrokerUrl.parse(broker);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(cl, e.getMessage());
        }
        out.println("camrig serve: connecting to the nodes on " + url + "…");
        out.flush();
        DistributedRig rig = DistributedRig.connect(url, login.login(Topics.COORDINATOR, cl), ClusterOptions.defaults().withClockLimit(clockLimit))
                .block(Duration.ofMinutes(3));
        return access(rig, new RigMetrics(PrometheusEndpoint.newRegistry()));
    }

    /**
     * The service's access to {@code rig}: its members' status pushes from the rig's fan-in, its
     * settings and preset (group) loads through the rig's node operations.
     */
    static RigAccess access(DistributedRig rig, RigMetrics metrics) {
        return new RigAccess(rig, metrics, m -> statuses(rig, m), new NodeOps() {
            @Override
            public Mono<RigResult<Void>> setSetting(int settingId, long value) {
                return rig.setSetting(settingId, value);
            }

            @Override
            public Mono<RigResult<Void>> loadPresetGroup(int presetGroupId) {
                return rig.loadPresetGroup(presetGroupId);
            }

            @Override
            public Mono<RigResult<Void>> loadPreset(long presetId) {
                return rig.loadPreset(presetId);
            }
        });
    }

    private static Flux<StatusUpdate> statuses(DistributedRig rig, RigMember m) {
        return rig.statusUpdates().filter(e -> e.getKey() == m)
                .map(e -> new StatusUpdate(e.getValue().statusId(), e.getValue().value(), System.nanoTime()));
    }
}
