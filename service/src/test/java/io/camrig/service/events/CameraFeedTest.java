package io.camrig.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camrig.engine.rig.RigMember;
import io.camrig.service.ServiceFixture;
import io.camrig.service.rig.CameraView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Per-camera coalescing through the feed, in virtual time: a lone change at once, a storm of
 * changes limited to 10/s (plus the burst) per camera, its newest value last.
 */
class CameraFeedTest {
    @Test
    void aCameraChangingEveryMillisecondGetsTenEventsASecondWithTheNewestValues(@TempDir Path media) {
        try (ServiceFixture f = ServiceFixture.start(2, media, o -> o)) {
            VirtualTimeScheduler time = VirtualTimeScheduler.create();
            AtomicLong battery = new AtomicLong();
            EventHub hub = new EventHub(new ObjectMapper());
            List<ServiceEvent> events = new CopyOnWriteArrayList<>();
            hub.events().subscribe(events::add);
            CameraFeed feed = new CameraFeed(f.service.rig(), m -> view(m, battery.get()), hub,
                    Duration.ofMillis(100), Duration.ofHours(1), time).start();
            RigMember one = f.service.rig().members().get(0);
            RigMember two = f.service.rig().members().get(1);

            feed.mark(two);                       // a lone change goes out without delay
            time.advanceTimeBy(Duration.ZERO);
            assertThat(events).hasSize(1);
            events.clear();

            for (int ms = 0; ms < 1000; ms++) {   // camera 1 changes every millisecond for 1 s
                battery.set(ms);
                feed.mark(one);
                time.advanceTimeBy(Duration.ofMillis(1));
            }
            time.advanceTimeBy(Duration.ofMillis(200));
            assertThat(events).allSatisfy(e -> assertThat(e.key()).isEqualTo("camera:1"));
            // 0 and 1 ms (burst of 2), then one per 100 ms until 1000 ms, where the last change goes out
            assertThat(events.size()).isBetween(10, 12);
            assertThat(events.get(events.size() - 1).json()).contains("\"batteryPercent\":999");
        }
    }

    private static CameraView view(RigMember m, long battery) {
        return new CameraView(m.index(), m.advertisedName(), "local", null, null, "connected", true, battery, null,
                null, false, false, false, false, null, Map.of(), null, 0, null);
    }
}
