package io.camrig.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.camrig.cli.rig.CameraSelection;
import io.camrig.cli.rig.ConnectedRig;
import io.camrig.cli.rig.RemoteRig;
import io.camrig.engine.camera.StatusValue;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.catalog.ValueTypes;
import io.camrig.proto.message.HardwareInfo;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * {@code status --rig URL}: each selected camera's statuses, read from it now by the running
 * service ({@code GET /api/cameras/{id}/statuses?ids=…}), decoded from the bytes it answers with
 * exactly as a local read decodes them, so the command prints the same table or JSON. A camera
 * the service cannot read is reported with the service's message, the others go on.
 */
final class RemoteStatus {
    private static final HexFormat HEX = HexFormat.of();

    private RemoteStatus() {
    }

    static List<ConnectedRig.Result<List<StatusValue>>> read(RemoteRig remote, CameraSelection selection,
                                                             List<Status> wanted, CommandLine cl) {
        String ids = wanted.stream().map(s -> Integer.toString(s.id())).collect(Collectors.joining(","));
        List<ConnectedRig.Result<List<StatusValue>>> out = new ArrayList<>();
        for (RemoteRig.Camera c : remote.cameras(selection, cl)) {
            ConnectedRig.Member member = new ConnectedRig.Member(c.index(), c.name(), Optional.empty(),
                    Optional.of(new HardwareInfo(0, c.model(), "", c.serial(), "", "")), Optional.empty());
            try {
                List<StatusValue> values = new ArrayList<>();
                JsonNode answer = remote.call("GET", "/api/cameras/" + c.index() + "/statuses?ids=" + ids, null, cl);
                for (JsonNode s : answer.path("statuses")) {
                    int id = s.path("id").asInt();
                    values.add(new StatusValue(id, ValueTypes.decodeStatus(id, HEX.parseHex(s.path("hex").asText("")))));
                }
                out.add(new ConnectedRig.Result<>(member, Optional.of(values), Optional.empty()));
            } catch (RemoteRig.RemoteRigException e) {
                if (e.unreachable()) {
                    throw e;
                }
                out.add(new ConnectedRig.Result<>(member, Optional.empty(), Optional.of(e)));
            }
        }
        return out;
    }
}
