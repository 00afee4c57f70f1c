package io.camrig.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules check every module, not only those someone remembered: each package with a class in
 * any module of the parent pom's {@code <modules>} is among {@link CamrigClasses#MAIN}. A new
 * module missing from this module's dependencies fails here instead of passing the rules
 * unchecked.
 */
class CamrigClassesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    @Test
    void everyPackageOfEveryModuleIsImported() throws IOException {
        Set<String> packages = mainPackages();
        assertThat(packages).as("packages found in the modules' sources")
                .contains("io.camrig.proto.codec", "io.camrig.engine.rig", "io.camrig.cli", "io.camrig.examples",
                        "io.camrig.benchmarks", "io.camrig.http.wifi.nm", "org.bluez.Error");

        assertThat(packages).allSatisfy(p -> assertThat(CamrigClasses.MAIN.containPackage(p)
                && !CamrigClasses.MAIN.getPackage(p).getClasses().isEmpty())
                .as("classes of package %s imported", p).isTrue());
    }

    @Test
    void noTestClassIsChecked() {
        assertThat(CamrigClasses.MAIN.stream().map(c -> c.getPackageName()))
                .noneMatch(p -> p.startsWith("io.camrig.architecture"));
    }

    /** Every package declared by a class (not only a package-info) under a module's src/main/java. */
    private static Set<String> mainPackages() throws IOException {
        Set<String> packages = new TreeSet<>();
        Matcher modules = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (modules.find()) {
            Path sources = ROOT.resolve(modules.group(1)).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !f.getFileName().toString().equals("package-info.java")).toList();
            }
            for (Path f : files) {
                Matcher pkg = PACKAGE.matcher(Files.readString(f));
                if (pkg.find()) {
                    packages.add(pkg.group(1));
                }
            }
        }
        return packages;
    }
}
