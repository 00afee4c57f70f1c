package io.camrig.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

/**
 * No two camrig packages depend on each other, directly or through others: each package is a
 * slice, and the slices form no cycle. A package that needs a sibling's type and is needed by it
 * in turn has a seam in the wrong place (move the shared type down, or invert with an interface).
 */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.camrig.(**)").namingSlices("package io.camrig.$1")
                .should().beFreeOfCycles()
                .check(CamrigClasses.MAIN);
    }
}
