package io.camrig.engine.rig;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.metrics.RigMetrics;
import io.camrig.engine.resilience.CameraPolicy;
import io.camrig.engine.resilience.ResilienceOptions;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StepMetricsTest {
    private final CameraPolicy.Factory policies = new CameraPolicy.Factory(ResilienceOptions.defaults(),
            reactor.core.scheduler.Schedulers.parallel());
    private final RigMember one = new RigMember(1, "00:00:00:00:00:01", "GoPro 0001", policies.forCamera("GoPro 0001"));
    private final RigMember two = new RigMember(2, "00:00:00:00:00:02", "GoPro 0002", policies.forCamera("GoPro 0002"));
    private final RigMetrics metrics = RigMetrics.inMemory();

    private Timer step(String camera, String step, String outcome) {
        return metrics.registry().find("camrig.step").tags("camera", camera, "step", step, "outcome", outcome).timer();
    }

    /** What {@link RigRunner} does with each step's outcome. */
    private void record(RigMember m, String step, Outcome<?> o) {
        metrics.recordStep(m, step, RigRunner.outcomeTag(o), o.latency());
    }

    @Test
    void eachCameraStepAndOutcomeHasItsOwnTimerThatAddsUp() {
        record(one, "fire on", new Outcome.Ok<>(1L, Duration.ofMillis(2)));
        record(one, "fire on", new Outcome.Ok<>(1L, Duration.ofMillis(4)));
        record(one, "fire on", new Outcome.Failed<>(new IllegalStateException("x"), Duration.ofMillis(9)));
        record(two, "fire on", new Outcome.Ok<>(1L, Duration.ofMillis(3)));
        record(two, "fire off", new Outcome.Skipped<>("unhealthy"));

        assertThat(step("GoPro 0001", "fire on", "ok").count()).isEqualTo(2);
        assertThat(step("GoPro 0001", "fire on", "ok").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.0);
        assertThat(step("GoPro 0001", "fire on", "failed").count()).isEqualTo(1);
        assertThat(step("GoPro 0002", "fire on", "ok").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3.0);
        assertThat(step("GoPro 0002", "fire off", "skipped").count()).isEqualTo(1);
        assertThat(metrics.registry().find("camrig.step").timers()).hasSize(4);
    }
}
