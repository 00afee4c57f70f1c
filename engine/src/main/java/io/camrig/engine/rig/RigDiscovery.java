package io.camrig.engine.rig;

import io.camrig.ble.spi.Advertisement;
import io.camrig.ble.spi.BleCentral;
import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.resilience.CameraPolicy;
import io.camrig.proto.gatt.GoProUuid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The members of a new rig, from a scan: see {@link Rig#discover(BleCentral, RigOptions, RigMetrics)}. */
final class RigDiscovery {
    private RigDiscovery() {
    }

    /**
     * Scans for service 0xFEA6, sorts what answered by advertised name (then address) and makes
     * one member each, with its policies (on the cameras' scheduler) and meters.
     */
    static Mono<List<RigMember>> members(BleCentral central, RigOptions options, RigMetrics metrics) {
        Flux<Advertisement> scan = central.scan(GoProUuid.CONTROL_AND_QUERY_SERVICE, options.scanDuration())
                .distinct(Advertisement::address);
        if (options.expectedCameras() > 0) {
            scan = scan.take(options.expectedCameras());
        }
        return scan.collectList().flatMap(ads -> {
            if (ads.isEmpty()) {
                return Mono.error(new NoCamerasFoundException(options.scanDuration()));
            }
            List<Advertisement> sorted = new ArrayList<>(ads);
            sorted.sort(Comparator.comparing(Advertisement::name).thenComparing(Advertisement::address));
            CameraPolicy.Factory policies = new CameraPolicy.Factory(options.resilience(), options.camera().scheduler());
            metrics.bind(policies);
            List<RigMember> members = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                Advertisement ad = sorted.get(i);
                members.add(new RigMember(i + 1, ad.address(), ad.name(), policies.forCamera(ad.name())));
            }
            members.forEach(metrics::watch);
            return Mono.just(members);
        });
    }
}
