package io.camrig.engine.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.proto.message.TlvEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingCapabilitiesTest {

    @Test
    void aZeroLengthEntryMeansNoOptionAvailableNotOptionZero() {
        List<SettingCapabilities> caps = SettingCapabilities.of(List.of(
                new TlvEntry(2, new byte[0]),
                new TlvEntry(3, new byte[] {0}), new TlvEntry(3, new byte[] {1})));
        assertThat(caps).containsExactly(new SettingCapabilities(2, List.of()),
                new SettingCapabilities(3, List.of(0L, 1L)));
        assertThat(caps.get(0).options()).isEmpty();
    }
}
