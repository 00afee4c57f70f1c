package io.camrig.engine.coverage;

import io.camrig.engine.camera.CameraCohn;
import io.camrig.engine.camera.CameraControl;
import io.camrig.engine.camera.CameraInfo;
import io.camrig.engine.camera.CameraLivestream;
import io.camrig.engine.camera.CameraNetwork;
import io.camrig.engine.camera.CameraPresets;
import io.camrig.engine.camera.CameraSettings;
import io.camrig.engine.camera.CameraStatuses;
import io.camrig.engine.camera.Implements;
import io.camrig.proto.catalog.CameraModel;
import io.camrig.proto.catalog.Catalog;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.catalog.OperationInfo;
import io.camrig.proto.catalog.ProtobufRef;
import io.camrig.simulator.camera.SimulatorCoverage;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The coverage of the protocol catalog: for every operation, its BLE ids, its HTTP form, the
 * engine method that performs it (read from {@link Implements}) and whether the simulator answers
 * it ({@link SimulatorCoverage}). Rendered as docs/coverage.md.
 */
final class CoverageTable {
    /** The engine's operation groups, as reached from {@code Camera}. */
    static final Map<Class<?>, String> GROUPS = Map.of(
            CameraControl.class, "control()", CameraInfo.class, "info()", CameraSettings.class, "settings()",
            CameraStatuses.class, "statuses()", CameraPresets.class, "presets()", CameraNetwork.class, "network()",
            CameraCohn.class, "cohn()", CameraLivestream.class, "livestream()");

    private CoverageTable() {
    }

    /** Operation → the engine methods that perform it, as {@code settings().set}. */
    static Map<Operation, List<String>> engineMethods() {
        Map<Operation, List<String>> out = new EnumMap<>(Operation.class);
        GROUPS.forEach((type, accessor) -> {
            for (Method m : type.getDeclaredMethods()) {
                Implements mark = m.getAnnotation(Implements.class);
                if (mark == null || !Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                for (Operation op : mark.value()) {
                    String name = accessor + "." + m.getName();
                    List<String> names = out.computeIfAbsent(op, k -> new ArrayList<>());
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        });
        out.values().forEach(l -> l.sort(Comparator.naturalOrder()));
        return out;
    }

    static String markdown() {
        Map<Operation, List<String>> engine = engineMethods();
        Set<Operation> simulator = SimulatorCoverage.operations();
        List<OperationInfo> ops = new ArrayList<>(Catalog.operations());
        ops.sort(Comparator.comparing((OperationInfo o) -> !o.ble()).thenComparing(OperationInfo::name));
        long ble = ops.stream().filter(OperationInfo::ble).count();
        long bleEngine = ops.stream().filter(o -> o.ble() && engine.containsKey(o.operation())).count();
        long bleSim = ops.stream().filter(o -> o.ble() && simulator.contains(o.operation())).count();
        StringBuilder sb = new StringBuilder();
        sb.append("# Protocol coverage\n\n")
                .append("Generated from the protocol catalog (`proto/src/main/resources/io/camrig/proto/catalog/catalog.txtpb`,\n")
                .append("made from the Open GoPro spec's references.json) by `CatalogCoverageTest` in the engine module.\n")
                .append("Do not edit: run `mvn -pl engine test -Dtest=CatalogCoverageTest -Dcamrig.coverage.write=true`.\n\n")
                .append(String.format("%d operations: %d over BLE (engine: %d, simulator: %d), %d over HTTP.%n%n",
                        ops.size(), ble, bleEngine, bleSim, ops.stream().filter(o -> o.http().isPresent()).count()))
                .append("- **BLE**: TLV command or query id, or protobuf feature/action of the request; `—` when the\n")
                .append("  operation has no BLE form.\n")
                .append("- **HTTP**: the method and path in the spec's openapi.json; `yes` when the spec documents an HTTP form\n")
                .append("  that openapi.json does not name. HTTP operations are served by `http-transport`, not listed here.\n")
                .append("- **Engine**: the `Camera` method (e.g. `settings().set` is `camera.settings().set(…)`).\n")
                .append("- **Simulator**: the virtual camera answers it (on the models that support it).\n")
                .append("- **Models**: how many of the ").append(CameraModel.values().length)
                .append(" camera models support it (references.json).\n")
                .append("- *(extension)*: an operation the official SDKs use that the published spec lacks (ids from the\n")
                .append("  SDKs and upstream's protobuf folder); which models answer it is not published.\n\n")
                .append("| operation | BLE | HTTP | engine | simulator | models |\n")
                .append("|---|---|---|---|---|---|\n");
        for (OperationInfo o : ops) {
            sb.append("| ").append(o.name()).append(o.extension() ? " *(extension)*" : "").append(" | ").append(ble(o)).append(" | ").append(http(o)).append(" | ")
                    .append(engine.containsKey(o.operation())
                            ? engine.get(o.operation()).stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
                            : "—")
                    .append(" | ").append(simulator.contains(o.operation()) ? "yes" : "—")
                    .append(" | ").append(o.models().size()).append(" |\n");
        }
        return sb.toString();
    }

    private static String ble(OperationInfo o) {
        if (!o.ble()) {
            return "—";
        }
        return switch (o.kind()) {
            case COMMAND -> String.format("command 0x%02X", o.commandId().getAsInt());
            case QUERY -> String.format("query 0x%02X", o.queryId().getAsInt());
            case SETTING -> "setting id";
            case PROTOBUF -> {
                ProtobufRef r = o.request().orElseThrow();
                yield String.format("protobuf 0x%02X 0x%02X", r.featureId(), r.actionId());
            }
            case HTTP -> "—";
        };
    }

    private static String http(OperationInfo o) {
        return o.http().map(h -> h.isEmpty() ? "yes" : "`" + h + "`").orElse("—");
    }
}
