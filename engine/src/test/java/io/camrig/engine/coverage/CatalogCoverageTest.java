package io.camrig.engine.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.OperationInfo;
import io.camrig.simulator.camera.SimulatorCoverage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every BLE operation of the catalog has an engine method ({@code @Implements}) and a simulator
 * handler, and docs/coverage.md is the table generated from them. Regenerate the file with
 * {@code -Dcamrig.coverage.write=true}.
 */
class CatalogCoverageTest {

    @Test
    void everyBleOperationHasAnEngineMethod() {
        Map<Operation, List<String>> engine = CoverageTable.engineMethods();
        List<Operation> missing = Catalog.bleOperations().stream().map(OperationInfo::operation)
                .filter(op -> !engine.containsKey(op)).toList();
        assertThat(missing).as("BLE operations without an @Implements engine method").isEmpty();
        assertThat(engine.keySet()).as("engine methods marked with operations that have no BLE form")
                .allSatisfy(op -> assertThat(op.info().ble()).as(op.name()).isTrue());
    }

    @Test
    void everyBleOperationHasASimulatorHandler() {
        List<Operation> missing = Catalog.bleOperations().stream().map(OperationInfo::operation)
                .filter(op -> !SimulatorCoverage.operations().contains(op)).toList();
        assertThat(missing).as("BLE operations the simulator does not answer").isEmpty();
    }

    @Test
    void coverageDocumentIsUpToDate() throws IOException {
        Path file = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("coverage.md");
        String expected = CoverageTable.markdown();
        if (Boolean.getBoolean("camrig.coverage.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(file).as("docs/coverage.md; regenerate with -Dcamrig.coverage.write=true").exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/coverage.md is out of date; regenerate with -Dcamrig.coverage.write=true")
                .isEqualTo(expected);
    }
}
