package io.camrig.cli.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.engine.provision.ProvisioningOptions;
import io.camrig.engine.rig.RigOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rig's operation time limit must let provisioning's slowest step finish. */
class CohnSetupTest {
    @Test
    void aShortRigTimeLimitIsRaisedToTheSlowestProvisioningStep() {
        ProvisioningOptions provisioning = ProvisioningOptions.defaults();
        RigOptions raised = CohnSetup.rigOptions(RigOptions.defaults(), provisioning);

        Duration worstNetworkStep = provisioning.connectTimeout().multipliedBy(2).plus(
                provisioning.scanTimeout().plus(provisioning.scanRetryDelay()).multipliedBy(provisioning.scanAttempts()));
        assertThat(raised.resilience().operationTimeout()).isEqualTo(provisioning.rigStepLimit())
                .isGreaterThan(worstNetworkStep).isGreaterThan(provisioning.cohnTimeout());
        assertThat(RigOptions.defaults().resilience().operationTimeout()).isLessThan(worstNetworkStep);
    }

    @Test
    void moreScansNeedALongerLimitAndALongerRigLimitIsKept() {
        ProvisioningOptions three = ProvisioningOptions.defaults();
        ProvisioningOptions six = three.withScanRetries(6, three.scanRetryDelay());
        assertThat(six.rigStepLimit()).isGreaterThan(three.rigStepLimit());

        RigOptions generous = RigOptions.defaults().withResilience(
                RigOptions.defaults().resilience().withOperationTimeout(Duration.ofMinutes(30)));
        assertThat(CohnSetup.rigOptions(generous, six)).isSameAs(generous);
    }
}
