package io.camrig.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * No two camrig packages depend on each other, directly or through others: each package is a
 * slice, and the slices form no cycle. A package that needs a sibling's type and is needed by it
 * in turn has a seam in the wrong place (move the shared type down, or invert with an interface).
 *
 * <p>Not yet the CLI: its commands still use {@code CamrigCommand}'s exit codes and helpers while
 * {@code CamrigCommand} registers them (issue 15 point 10, left for the CLI's rework); its
 * dependencies are ignored until then. Nor two engine cycles, whose edges below are ignored until
 * they are broken: {@code metrics} → {@code rig} and {@code provision} → {@code provision.cohn}.
 * It also finds {@code http} ↔ {@code http.api}; until those are broken the rule is disabled, and
 * {@link ModuleLayersTest} alone holds the modules to one direction.
 */
class PackageCyclesTest {

    @Test
    @Disabled("ArchUnit still finds cycles beyond the ignored edges (e.g. http <-> http.api); see docs/modules.md")
    void packagesFormNoCycle() {
        slices().matching("io.camrig.(**)").namingSlices("package io.camrig.$1")
                .should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("io.camrig.cli.."), DescribedPredicate.alwaysTrue())
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("io.camrig.engine.metrics"),
                        JavaClass.Predicates.resideInAPackage("io.camrig.engine.rig"))
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("io.camrig.engine.provision"),
                        JavaClass.Predicates.resideInAPackage("io.camrig.engine.provision.cohn"))
                .check(CamrigClasses.MAIN);
    }
}
