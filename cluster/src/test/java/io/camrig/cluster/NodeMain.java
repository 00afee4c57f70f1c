package io.camrig.cluster;

import io.camrig.cluster.mqtt.BrokerLogin;
import io.camrig.cluster.mqtt.BrokerUrl;
import io.camrig.cluster.node.NodeOptions;
import io.camrig.cluster.node.RigNode;
import io.camrig.engine.rig.RigOptions;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A node process for the end-to-end tests: {@code NodeMain URL NODE-ID CAMERAS LOGIN-FILE}. Runs
 * until killed; prints "online" once serving.
 */
public final class NodeMain {
    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        int cameras = Integer.parseInt(args[2]);
        VirtualRig sim = VirtualRig.start(SimulatorOptions.defaults().withCameras(cameras).withMediaFileBytes(1024)
                .withLatency(Duration.ofMillis(10), Duration.ofMillis(10))).block(Duration.ofSeconds(60));
        RigNode node = RigNode.start(BrokerUrl.parse(args[0]), BrokerLogin.read(Path.of(args[3])), sim.central(),
                NodeOptions.defaults(args[1]).withRig(RigOptions.defaults().withExpectedCameras(cameras)
                        .withRealtimeFire(false))).block(Duration.ofSeconds(120));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            sim.close();
        }));
        System.out.println("online");
        System.out.flush();
        Thread.currentThread().join();
    }
}
