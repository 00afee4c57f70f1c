package io.camrig.proto.message;

import static io.camrig.proto.testutil.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camrig.proto.error.MalformedMessageException;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** HardwareInfo, OpenGoProVersion and CameraDateTime against the spec's layouts and examples. */
class PayloadParsersTest {
    /** Tutorial 3 (Python log), the payload after "3c 00". */
    private static final String HARDWARE_INFO = "04 00 00 00 3e 0c 48 45 52 4f 31 32 20 42 6c 61 63 6b 04 30 78 30 35"
            + " 0f 48 32 33 2e 30 31 2e 30 31 2e 39 39 2e 35 36 0e 43 33 35 30 31 33 32 34 35 30 30 37 30 32"
            + " 11 48 45 52 4f 31 32 20 42 6c 61 63 6b 64 65 62 75 67 0c 32 36 37 34 66 37 66 36 36 31 30 34"
            + " 01 00 01 01 01 00 02 5b 5d 01 01";

    @Test
    void hardwareInfoFromTheTutorialWithTrailingReservedBytes() {
        HardwareInfo h = HardwareInfo.parse(bytes(HARDWARE_INFO));
        assertThat(h.modelNumber()).isEqualTo(62);
        assertThat(h.modelName()).isEqualTo("HERO12 Black");
        assertThat(h.firmwareVersion()).isEqualTo("H23.01.01.99.56");
        assertThat(h.serialNumber()).isEqualTo("C3501324500702");
        assertThat(h.apSsid()).isEqualTo("HERO12 Blackdebug");
        assertThat(h.apMacAddress()).isEqualTo("2674f7f66104");
    }

    @Test
    void hardwareInfoEncodeRoundTrips() {
        HardwareInfo h = new HardwareInfo(65, "HERO13 Black", "H24.01.02.02.00", "C3531350000000", "GP50000000", "0123456789ab");
        byte[] encoded = h.encode();
        assertThat(Arrays.copyOf(encoded, 5)).isEqualTo(bytes("04 00 00 00 41"));
        assertThat(HardwareInfo.parse(encoded)).isEqualTo(h);
    }

    @Test
    void hardwareInfoModelNumberOfAnyWidth() {
        HardwareInfo one = HardwareInfo.parse(bytes("01 3e 01 41 00 01 42 01 43 01 44 01 45"));
        assertThat(one).isEqualTo(new HardwareInfo(62, "A", "B", "C", "D", "E"));
    }

    @Test
    void hardwareInfoTruncatedAtEveryByteIsMalformed() {
        byte[] full = bytes(HARDWARE_INFO);
        int end = full.length - 11; // without the reserved bytes
        for (int n = 0; n < end; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThatThrownBy(() -> HardwareInfo.parse(cut)).as("cut at %d", n).isInstanceOf(MalformedMessageException.class);
        }
        assertThat(HardwareInfo.parse(Arrays.copyOf(full, end)).apMacAddress()).isEqualTo("2674f7f66104");
    }

    @Test
    void hardwareInfoRejectsOversizedModelNumbersAndBadUtf8() {
        assertThatThrownBy(() -> HardwareInfo.parse(bytes("09 00 00 00 00 00 00 00 00 01")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("at most 8");
        assertThatThrownBy(() -> HardwareInfo.parse(bytes("04 80 00 00 00 00 00 00 00 00 00")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> HardwareInfo.parse(bytes("01 3e 01 ff 00 01 42 01 43 01 44 01 45")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void openGoProVersion() {
        assertThat(OpenGoProVersion.parse(bytes("01 02 01 00"))).isEqualTo(new OpenGoProVersion(2, 0));
        assertThat(new OpenGoProVersion(2, 0).encode()).isEqualTo(bytes("01 02 01 00"));
        assertThat(OpenGoProVersion.parse(bytes("02 01 00 01 07"))).isEqualTo(new OpenGoProVersion(256, 7));
        assertThat(OpenGoProVersion.parse(new OpenGoProVersion(300, 1).encode())).isEqualTo(new OpenGoProVersion(300, 1));
        assertThat(new OpenGoProVersion(2, 0)).hasToString("2.0");
        assertThatThrownBy(() -> OpenGoProVersion.parse(bytes("01 02 01"))).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> OpenGoProVersion.parse(new byte[0])).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void setDateTimeParameterFromTheControlPage() {
        CameraDateTime dt = new CameraDateTime(LocalDateTime.of(2023, 1, 31, 3, 4, 5));
        assertThat(dt.encode()).isEqualTo(bytes("07:e7:01:1f:03:04:05"));
        assertThat(CameraDateTime.parse(bytes("07:e7:01:1f:03:04:05"))).isEqualTo(dt);
    }

    @Test
    void dateTimeDropsFractionsAndRejectsBadBytes() {
        assertThat(new CameraDateTime(LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_789)).dateTime())
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 1, 2, 3));
        assertThatThrownBy(() -> CameraDateTime.parse(bytes("07 e7 0d 1f 03 04 05")))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> CameraDateTime.parse(bytes("07 e7 01 1f 03 04")))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void getDateTimeResponse() {
        CameraDateTime dt = new CameraDateTime(LocalDateTime.of(2023, 1, 31, 3, 4, 5)); // a Tuesday
        byte[] payload = dt.encodeGetDateTimeResponse();
        assertThat(payload).isEqualTo(bytes("08 07 e7 01 1f 03 04 05 02"));
        assertThat(CameraDateTime.parseGetDateTimeResponse(payload)).isEqualTo(dt);
        assertThatThrownBy(() -> CameraDateTime.parseGetDateTimeResponse(bytes("08 07 e7 01")))
                .isInstanceOf(MalformedMessageException.class);
    }
}
