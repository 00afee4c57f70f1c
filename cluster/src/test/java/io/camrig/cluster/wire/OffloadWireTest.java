package io.camrig.cluster.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.engine.take.TakeCamera;
import io.camrig.engine.take.TakeFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code offload} op's payloads survive the wire, and a camera entry that names a path is refused. */
class OffloadWireTest {
    @Test
    void anOffloadCommandAndItsReplyRoundTripWithTheTakeOfEachCamera() {
        Command c = new Command("r-1", "offload", List.of(), 0, "20261207-081500",
                Map.of("node-1", List.of(1, 3)));
        assertThat(Wire.decode(Wire.encode(c), Command.class, "t")).isEqualTo(c);
        TakeCamera cam = TakeCamera.of("C3501234560001", "GoPro 0001", "HERO12 Black", "H23.01.02.32.00").withNode("node-1")
                .withFile(TakeFile.pending("100GOPRO", "GX010001.MP4", 1024, 1_765_000_000L)
                        .withVerified("C3501234560001/100GOPRO/GX010001.MP4", "ab".repeat(32))
                        .withFootage(Map.of("startFrame", 2_000_000L, "timescale", 30000, "frameDuration", 1001)))
                .withStep("offload on node-1", "ok");
        Reply r = new Reply("r-1", "node-1", "offload", List.of(new CameraEntry(1, "GoPro 0001", CameraEntry.OK, 0, null, null,
                null, null, null, null, cam)), null, null);
        Reply back = Wire.decode(Wire.encode(r), Reply.class, "t");
        assertThat(back.cameras().get(0).take().serial()).isEqualTo("C3501234560001");
        assertThat(back.cameras().get(0).take().files()).singleElement().satisfies(f -> {
            assertThat(f.sha256()).isEqualTo("ab".repeat(32));
            assertThat(f.footage()).containsEntry("timescale", 30000);
        });
        assertThat(back.cameras().get(0).take().steps()).containsEntry("offload on node-1", "ok");
    }

    @Test
    void aTakeWhoseSerialIsAPathIsAMalformedPayload() {
        String hostile = "{\"id\":\"r\",\"node\":\"n\",\"op\":\"offload\",\"cameras\":[{\"index\":1,\"name\":\"x\",\"status\":\"ok\","
                + "\"take\":{\"serial\":\"../../etc\",\"name\":\"x\"}}]}";
        assertThatThrownBy(() -> Wire.decode(hostile.getBytes(StandardCharsets.UTF_8), Reply.class, "t"))
                .isInstanceOf(Wire.MalformedPayloadException.class);
    }
}
