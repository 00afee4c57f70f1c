package io.camrig.http.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CameraAddressTest {

    @Test
    void theAccessPointIsTheSpecsSocketAddress() {
        CameraAddress ap = CameraAddress.accessPoint();
        assertThat(ap.baseUri()).isEqualTo(URI.create("http://10.5.5.9:8080"));
        assertThat(ap.credentials()).isEmpty();
        assertThat(ap.secure()).isFalse();
    }

    @Test
    void usbAddressFollowsTheSpecsExample() {
        // Spec: serial C0000123456789 -> 172.27.189.51 (X=7, Y=8, Z=9).
        assertThat(CameraAddress.usbHost("C0000123456789")).isEqualTo("172.27.189.51");
        assertThat(CameraAddress.usb("C3501324645504").baseUri()).isEqualTo(URI.create("http://172.25.104.51:8080"));
        assertThat(CameraAddress.usbHost("C3501460050001")).isEqualTo("172.20.101.51");
        assertThat(CameraAddress.usbHost(" C3501460050999 ")).isEqualTo("172.29.199.51");
    }

    @Test
    void aSerialThatDoesNotEndInThreeDigitsIsRejected() {
        assertThatThrownBy(() -> CameraAddress.usb("C35014600500A1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CameraAddress.usb("12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CameraAddress.usb("C350146005٠١٢")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userInfoIsRefusedWithAMessageSayingHowToPassCredentials() {
        assertThatThrownBy(() -> CameraAddress.of(URI.create("https://gopro:p%40ss:w0rd@127.0.0.1:8080/ignored?x=1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--user").hasMessageContaining("--password-file")
                .hasMessageContaining("https://127.0.0.1:8080")
                .hasMessageNotContaining("w0rd");
        CameraAddress a = CameraAddress.of(URI.create("https://127.0.0.1:8080"))
                .withCredentials(new BasicCredentials("gopro", "p@ss:w0rd"));
        assertThat(a.toString()).contains("127.0.0.1:8080").contains("gopro").doesNotContain("w0rd");
        assertThat(a.credentials().get().toString()).doesNotContain("w0rd");
    }

    @Test
    void cohnIsHttpsWithCredentialsAndItsRoot() {
        var ca = TestCertificates.rootCa("GoPro Root CA").certificate();
        CameraAddress a = CameraAddress.cohn("192.168.1.20", new BasicCredentials("gopro", "secret"), ca);
        assertThat(a.baseUri()).isEqualTo(URI.create("https://192.168.1.20"));
        assertThat(a.secure()).isTrue();
        assertThat(a.rootCa()).contains(ca);
        assertThat(a.toString()).contains("root CA CN=GoPro Root CA").doesNotContain("secret");
    }

    @Test
    void malformedAddressesAreRejected() {
        assertThatThrownBy(() -> CameraAddress.of(URI.create("ftp://10.5.5.9"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CameraAddress.of(URI.create("10.5.5.9:8080"))).isInstanceOf(IllegalArgumentException.class);
        var ca = TestCertificates.server(TestCertificates.rootCa("x"), "y", null, Duration.ofDays(1)).certificate();
        assertThatThrownBy(() -> CameraAddress.accessPoint().withRootCa(ca)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BasicCredentials("a:b", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BasicCredentials("", "c")).isInstanceOf(IllegalArgumentException.class);
    }
}
