package io.camrig.simulator.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.HttpStatusException;
import io.camrig.http.HttpTlsException;
import io.camrig.http.address.BasicCredentials;
import io.camrig.http.address.CameraAddress;
import io.camrig.http.address.CohnTrust;
import io.camrig.proto.catalog.Operation;
import io.camrig.proto.codec.EncodedRequest;
import io.camrig.proto.codec.RequestEncoder;
import io.camrig.proto.message.CameraMessage;
import io.camrig.proto.message.ProtobufMessage;
import io.camrig.proto.pb.EnumCOHNStatus;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.NotifyCOHNStatus;
import io.camrig.proto.pb.RequestClearCOHNCert;
import io.camrig.proto.pb.RequestConnect;
import io.camrig.proto.pb.RequestCreateCOHNCert;
import io.camrig.proto.pb.RequestCOHNCert;
import io.camrig.proto.pb.RequestGetCOHNStatus;
import io.camrig.proto.pb.ResponseCOHNCert;
import io.camrig.proto.pb.ResponseGeneric;
import io.camrig.simulator.SimulatorOptions;
import io.camrig.simulator.VirtualRig;
import io.camrig.simulator.state.SimulatedNetworks;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * COHN as a client meets it: provisioned over the BLE bytes (join a network, create the
 * certificate, fetch the root CA and the credentials), then HTTPS on the camera's own loopback
 * address and the rig's shared port, trusting only that root; the address moves, keys are
 * replaced and cleared.
 */
class CohnOverBleTest {
    private static final Duration T = Duration.ofSeconds(15);
    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private VirtualRig rig;

    @BeforeEach
    void start() {
        rig = VirtualRig.start(SimulatorOptions.defaults().withCameras(2).withScheduler(time)).block(T);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void theRootFetchedOverBleAndTheNotifiedCredentialsOpenTheCamerasHttps() {
        VirtualCamera camera = rig.cameras().get(0);
        SessionProbe probe = provision(camera);
        NotifyCOHNStatus status = cohnStatus(probe);
        assertThat(status.getStatus()).isEqualTo(EnumCOHNStatus.COHN_PROVISIONED);
        assertThat(status.getIpaddress()).isEqualTo("127.0.50.101");
        assertThat(status.getSsid()).isEqualTo(SimulatedNetworks.STUDIO_SSID);
        X509Certificate root = root(probe);

        CameraHttpClient home = client(status.getIpaddress(), status.getUsername(), status.getPassword(), root);
        StepVerifier.create(home.query().info())
                .assertNext(i -> assertThat(i.serialNumber()).isEqualTo(camera.identity().serial()))
                .expectComplete().verify(T);
        CameraHttpClient wrong = client(status.getIpaddress(), status.getUsername(), "not-the-password", root);
        StepVerifier.create(wrong.keepAlive()).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOfSatisfying(HttpStatusException.class, s -> assertThat(s.status()).isEqualTo(401))
                .hasMessageNotContaining("not-the-password")).verify(T);
        assertThat(camera.cohn().toString()).doesNotContain(status.getPassword());
    }

    @Test
    void everyCameraListensOnItsOwnAddressAndTheSamePort() {
        SessionProbe one = provision(rig.cameras().get(0));
        SessionProbe two = provision(rig.cameras().get(1));
        NotifyCOHNStatus s1 = cohnStatus(one);
        NotifyCOHNStatus s2 = cohnStatus(two);
        assertThat(s2.getIpaddress()).isEqualTo("127.0.50.102");
        assertThat(s1.getPassword()).isNotEqualTo(s2.getPassword());

        StepVerifier.create(client(s2.getIpaddress(), s2.getUsername(), s2.getPassword(), root(two)).query().info())
                .assertNext(i -> assertThat(i.serialNumber()).isEqualTo(rig.cameras().get(1).identity().serial()))
                .expectComplete().verify(T);
        // Camera 1's root does not open camera 2.
        StepVerifier.create(client(s2.getIpaddress(), s2.getUsername(), s2.getPassword(), root(one)).keepAlive())
                .expectError(HttpTlsException.class).verify(T);
    }

    @Test
    void anAddressChangeIsPushedAndTheServerFollowsIt() {
        VirtualCamera camera = rig.cameras().get(0);
        SessionProbe probe = provision(camera);
        NotifyCOHNStatus before = cohnStatus(probe);
        X509Certificate root = root(probe);
        probe.drain();

        String moved = rig.changeCohnIp(camera.identity().serial());

        assertThat(moved).isNotEqualTo(before.getIpaddress()).startsWith("127.0.60.");
        NotifyCOHNStatus pushed = last(probe.drain(), NotifyCOHNStatus.class);
        assertThat(pushed.getIpaddress()).isEqualTo(moved);
        StepVerifier.create(client(moved, pushed.getUsername(), pushed.getPassword(), root).query().info())
                .assertNext(i -> assertThat(i.serialNumber()).isEqualTo(camera.identity().serial()))
                .expectComplete().verify(T);
        StepVerifier.create(client(before.getIpaddress(), before.getUsername(), before.getPassword(), root).keepAlive())
                .expectError().verify(T);
        assertThat(rig.changeCohnIp(camera.identity().serial())).isNotEqualTo(moved);
    }

    @Test
    void overrideReplacesTheKeysAndClearStopsTheServer() {
        SessionProbe probe = provision(rig.cameras().get(0));
        NotifyCOHNStatus status = cohnStatus(probe);
        X509Certificate oldRoot = root(probe);
        assertThat(result(probe.request(create(false)))).isEqualTo(EnumResultGeneric.RESULT_RESOURCE_NOT_AVAILABLE);
        assertThat(root(probe)).isEqualTo(oldRoot);

        assertThat(result(probe.request(create(true)))).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
        X509Certificate newRoot = root(probe);
        assertThat(newRoot).isNotEqualTo(oldRoot);
        StepVerifier.create(client(status.getIpaddress(), status.getUsername(), status.getPassword(), oldRoot).keepAlive())
                .expectError(HttpTlsException.class).verify(T);
        StepVerifier.create(client(status.getIpaddress(), status.getUsername(), status.getPassword(), newRoot).keepAlive())
                .expectComplete().verify(T);

        assertThat(result(probe.request(RequestEncoder.protobuf(Operation.CLEAR_COHN_CERTIFICATE,
                RequestClearCOHNCert.getDefaultInstance())))).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
        assertThat(cohnStatus(probe).getStatus()).isEqualTo(EnumCOHNStatus.COHN_UNPROVISIONED);
        StepVerifier.create(client(status.getIpaddress(), status.getUsername(), status.getPassword(), newRoot).keepAlive())
                .expectError().verify(T);
    }

    @Test
    void aCertificateWithoutANetworkIsNotProvisionedAndServesNothing() {
        VirtualCamera camera = rig.cameras().get(1);
        SessionProbe probe = new SessionProbe(camera);
        assertThat(result(probe.request(create(false)))).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
        NotifyCOHNStatus status = cohnStatus(probe);
        assertThat(status.getStatus()).isEqualTo(EnumCOHNStatus.COHN_UNPROVISIONED);
        assertThat(status.getPassword()).isEmpty();
        StepVerifier.create(client("127.0.50.102", "gopro", camera.cohn().credentials().password(), root(probe))
                .keepAlive()).expectError().verify(T);
    }

    /** Registers for COHN status, joins the studio network and creates the certificate, over BLE. */
    private SessionProbe provision(VirtualCamera camera) {
        SessionProbe probe = new SessionProbe(camera);
        probe.request(RequestEncoder.protobuf(Operation.GET_COHN_STATUS,
                RequestGetCOHNStatus.newBuilder().setRegisterCohnStatus(true).build()));
        probe.request(RequestEncoder.protobuf(Operation.CONNECT_TO_PROVISIONED_ACCESS_POINT,
                RequestConnect.newBuilder().setSsid(SimulatedNetworks.STUDIO_SSID).build()));
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(result(probe.request(create(false)))).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
        return probe;
    }

    private static EncodedRequest create(boolean override) {
        return RequestEncoder.protobuf(Operation.CREATE_COHN_CERTIFICATE,
                RequestCreateCOHNCert.newBuilder().setOverride(override).build());
    }

    private static NotifyCOHNStatus cohnStatus(SessionProbe probe) {
        return (NotifyCOHNStatus) ((ProtobufMessage) probe.request(RequestEncoder.protobuf(Operation.GET_COHN_STATUS,
                RequestGetCOHNStatus.getDefaultInstance()))).message();
    }

    private static X509Certificate root(SessionProbe probe) {
        ResponseCOHNCert cert = (ResponseCOHNCert) ((ProtobufMessage) probe.request(RequestEncoder.protobuf(
                Operation.GET_COHN_CERTIFICATE, RequestCOHNCert.getDefaultInstance()))).message();
        assertThat(cert.getResult()).isEqualTo(EnumResultGeneric.RESULT_SUCCESS);
        return CohnTrust.parseCertificate(cert.getCert());
    }

    private CameraHttpClient client(String ip, String user, String password, X509Certificate root) {
        return CameraHttpClient.create(CameraAddress.cohn(ip + ":" + rig.cohnPort(), new BasicCredentials(user, password),
                root));
    }

    private static EnumResultGeneric result(CameraMessage m) {
        return ((ResponseGeneric) ((ProtobufMessage) m).message()).getResult();
    }

    private static <T> T last(List<CameraMessage> messages, Class<T> type) {
        return messages.stream().filter(m -> m instanceof ProtobufMessage p && type.isInstance(p.message()))
                .map(m -> type.cast(((ProtobufMessage) m).message())).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + messages));
    }
}
