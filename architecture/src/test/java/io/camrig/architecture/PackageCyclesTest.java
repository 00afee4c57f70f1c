package io.camrig.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * No two camrig packages depend on each other, directly or through others: each package is a
 * slice, and the slices form no cycle. A package that needs a sibling's type and is needed by it
 * in turn has a seam in the wrong place (move the shared type down, or invert with an interface).
 * Checked on the main classes of every module ({@link CamrigClasses}); the rule itself is proved
 * on synthetic packages under {@code io.camrig.architecture.fixture}.
 */
class PackageCyclesTest {
    /** Every package under io.camrig is one slice. */
    static final ArchRule NO_CYCLES = slices().matching("io.camrig.(**)").namingSlices("package io.camrig.$1")
            .should().beFreeOfCycles();

    @Test
    void packagesFormNoCycle() {
        assertThat(CamrigClasses.MAIN).as("camrig's main classes").isNotEmpty();
        NO_CYCLES.check(CamrigClasses.MAIN);
    }

    @Test
    void theRuleFindsACycleClosedByAnAnnotationAndNamesItsPackages() {
        EvaluationResult result = NO_CYCLES.evaluate(fixture("cycle"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d)
                .contains("architecture.fixture.cycle.top")
                .contains("architecture.fixture.cycle.command"));
    }

    @Test
    void theRulePassesOnceTheSharedTypeMovedBelowBoth() {
        JavaClasses layered = fixture("layered");
        assertThat(layered).hasSize(4);

        assertThat(NO_CYCLES.evaluate(layered).hasViolation()).isFalse();
    }

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages("io.camrig.architecture.fixture." + name);
    }
}
