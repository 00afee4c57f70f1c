package io.camrig.benchmarks;

import io.camrig.proto.codec.MessageDecoder;
import io.camrig.proto.codec.ResponseEncoder;
import io.camrig.proto.gatt.GoProUuid;
import io.camrig.proto.id.CommandId;
import io.camrig.proto.id.ProtobufId;
import io.camrig.proto.id.QueryId;
import io.camrig.proto.catalog.Status;
import io.camrig.proto.id.TlvStatus;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.HardwareInfo;
import io.camrig.proto.message.TlvEntry;
import io.camrig.proto.pb.EnumCOHNNetworkState;
import io.camrig.proto.pb.EnumCOHNStatus;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.Media;
import io.camrig.proto.pb.NotifyCOHNStatus;
import io.camrig.proto.pb.ResponseGeneric;
import io.camrig.proto.pb.ResponseLastCapturedMedia;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link MessageDecoder#decode}, the one public decoder of camera messages: one JMH
 * operation is one reassembled message decoded to its typed record, so scores are
 * <strong>messages/s</strong>. The inputs are built with {@link ResponseEncoder}, as the simulator
 * builds what it sends:
 * <ul>
 *   <li>TLV: a status push (0x93, busy and encoding: 8 bytes, the commonest message), a setting
 *       response (keep-alive acknowledgement, 2 bytes), a Get Hardware Info response (0x3C,
 *       about 70 bytes), a Get Status Values response (0x13) with 90 statuses (about 330
 *       bytes);</li>
 *   <li>protobuf: ResponseGeneric (F1 E9, 4 bytes), ResponseLastCapturedMedia (F5 ED, about 40
 *       bytes), NotifyCOHNStatus (F5 EF, about 90 bytes).</li>
 * </ul>
 *
 * <p>Spec: BLE "Data Protocol" / "Decipher Message Payload Type", "Message Payload".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecoderBenchmark {
    private byte[] statusPush;
    private byte[] keepAliveAck;
    private byte[] hardwareInfo;
    private byte[] allStatuses;
    private byte[] responseGeneric;
    private byte[] lastCapturedMedia;
    private byte[] cohnStatus;

    /** Builds the messages. */
    @Setup
    public void setUp() {
        statusPush = ResponseEncoder.push(QueryId.STATUS_VALUE_PUSH, List.of(
                new TlvEntry(Status.BUSY.id(), new byte[] {0}), new TlvEntry(Status.ENCODING.id(), new byte[] {1})));
        keepAliveAck = ResponseEncoder.settingResponse(CommandId.KEEP_ALIVE, TlvStatus.SUCCESS);
        hardwareInfo = ResponseEncoder.commandResponse(CommandId.GET_HARDWARE_INFO, TlvStatus.SUCCESS,
                new HardwareInfo(62, "HERO12 Black", "H23.01.01.99.56", "C3501460050001", "GP50050001",
                        "2674f7f65f78").encode());
        List<TlvEntry> statuses = new ArrayList<>();
        for (int id = 1; id <= 90; id++) {
            statuses.add(new TlvEntry(id, id % 3 == 0 ? new byte[] {0, 0, 1, (byte) id} : new byte[] {(byte) (id & 1)}));
        }
        allStatuses = ResponseEncoder.queryResponse(QueryId.GET_STATUS_VALUES, TlvStatus.SUCCESS, statuses);
        responseGeneric = ResponseEncoder.protobuf(ProtobufId.FEATURE_COMMAND,
                ProtobufId.ACTION_SET_CAMERA_CONTROL_RESPONSE,
                ResponseGeneric.newBuilder().setResult(EnumResultGeneric.RESULT_SUCCESS).build());
        lastCapturedMedia = ResponseEncoder.protobuf(ProtobufId.FEATURE_QUERY,
                ProtobufId.ACTION_GET_LAST_CAPTURED_MEDIA_RESPONSE,
                ResponseLastCapturedMedia.newBuilder().setResult(EnumResultGeneric.RESULT_SUCCESS)
                        .setMedia(Media.newBuilder().setFolder("100GOPRO").setFile("GX010001.MP4")).build());
        cohnStatus = ResponseEncoder.protobuf(ProtobufId.FEATURE_QUERY, ProtobufId.ACTION_COHN_STATUS_NOTIFICATION,
                NotifyCOHNStatus.newBuilder().setStatus(EnumCOHNStatus.COHN_PROVISIONED)
                        .setState(EnumCOHNNetworkState.COHN_STATE_NetworkConnected)
                        .setUsername("gopro").setPassword("not-a-real-password").setIpaddress("192.168.50.23")
                        .setEnabled(true).setSsid("studio-network").setMacaddress("2674f7f65f78").build());
    }

    /** TLV status push, 0x93 with two one-byte statuses. */
    @Benchmark
    public CameraMessage tlvStatusPush() {
        return MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, statusPush);
    }

    /** TLV setting response, the keep-alive acknowledgement. */
    @Benchmark
    public CameraMessage tlvKeepAliveAck() {
        return MessageDecoder.decode(GoProUuid.SETTINGS_RESPONSE, keepAliveAck);
    }

    /** TLV command response, Get Hardware Info (payload kept as bytes, as the decoder does). */
    @Benchmark
    public CameraMessage tlvHardwareInfo() {
        return MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, hardwareInfo);
    }

    /** TLV query response, Get Status Values with 90 statuses. */
    @Benchmark
    public CameraMessage tlvAllStatuses() {
        return MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, allStatuses);
    }

    /** Protobuf ResponseGeneric (set camera control answer). */
    @Benchmark
    public CameraMessage protobufResponseGeneric() {
        return MessageDecoder.decode(GoProUuid.COMMAND_RESPONSE, responseGeneric);
    }

    /** Protobuf ResponseLastCapturedMedia. */
    @Benchmark
    public CameraMessage protobufLastCapturedMedia() {
        return MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, lastCapturedMedia);
    }

    /** Protobuf NotifyCOHNStatus. */
    @Benchmark
    public CameraMessage protobufCohnStatus() {
        return MessageDecoder.decode(GoProUuid.QUERY_RESPONSE, cohnStatus);
    }

    /** The encoded inputs, for the smoke test: benchmark name → message bytes. */
    public Map<String, byte[]> inputs() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("tlvStatusPush", statusPush);
        m.put("tlvKeepAliveAck", keepAliveAck);
        m.put("tlvHardwareInfo", hardwareInfo);
        m.put("tlvAllStatuses", allStatuses);
        m.put("protobufResponseGeneric", responseGeneric);
        m.put("protobufLastCapturedMedia", lastCapturedMedia);
        m.put("protobufCohnStatus", cohnStatus);
        return m;
    }
}
