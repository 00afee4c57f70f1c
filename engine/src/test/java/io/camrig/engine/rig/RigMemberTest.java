package io.camrig.engine.rig;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.resilience.CameraPolicy;
import io.camrig.engine.resilience.ResilienceOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RigMemberTest {
    private final RigMember member = new RigMember(1, "00:00:00:00:00:01", "GoPro 0001",
            new CameraPolicy.Factory(ResilienceOptions.defaults(),
            reactor.core.scheduler.Schedulers.parallel()).forCamera("GoPro 0001"));

    @Test
    void theLogKeepsTheLastStepsAndCountsWhatItDropped() {
        int steps = RigMember.LOG_LIMIT + 250;
        for (int i = 0; i < steps; i++) {
            member.record(new StepRecord("fire " + i, "ok", Duration.ofMillis(1), "", null));
        }

        assertThat(member.log()).hasSize(RigMember.LOG_LIMIT);
        assertThat(member.log().get(0).step()).isEqualTo("fire 250");
        assertThat(member.log().get(RigMember.LOG_LIMIT - 1).step()).isEqualTo("fire " + (steps - 1));
        assertThat(member.stepsDropped()).isEqualTo(250);
    }

    @Test
    void aShortLogIsKeptWhole() {
        member.record(new StepRecord("connect", "ok", Duration.ofMillis(3), "", null));

        assertThat(member.log()).extracting(StepRecord::step).containsExactly("connect");
        assertThat(member.stepsDropped()).isZero();
    }
}
