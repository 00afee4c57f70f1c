package io.camrig.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void absentOrUnsupportedHeadersSelectTheWholeFile() throws Exception {
        ByteRange whole = new ByteRange(0, 100, false);
        assertThat(ByteRange.resolve(null, 100)).isEqualTo(whole);
        assertThat(ByteRange.resolve("items=0-5", 100)).isEqualTo(whole);
        assertThat(ByteRange.resolve("bytes=0-5,10-20", 100)).isEqualTo(whole);
        assertThat(ByteRange.resolve("bytes=x-5", 100)).isEqualTo(whole);
        assertThat(ByteRange.resolve("bytes=9-5", 100)).isEqualTo(whole);
        assertThat(ByteRange.resolve("bytes=5", 100)).isEqualTo(whole);
    }

    @Test
    void singleRangesAreResolvedAndClamped() throws Exception {
        assertThat(ByteRange.resolve("bytes=10-19", 100)).isEqualTo(new ByteRange(10, 20, true));
        assertThat(ByteRange.resolve("Bytes=10-", 100)).isEqualTo(new ByteRange(10, 100, true));
        assertThat(ByteRange.resolve("bytes=90-500", 100)).isEqualTo(new ByteRange(90, 100, true));
        assertThat(ByteRange.resolve("bytes=-10", 100)).isEqualTo(new ByteRange(90, 100, true));
        assertThat(ByteRange.resolve("bytes=-500", 100)).isEqualTo(new ByteRange(0, 100, true));
        assertThat(ByteRange.resolve("bytes=99-99", 100).length()).isEqualTo(1);
    }

    @Test
    void rangesPastTheEndAreUnsatisfiable() {
        assertThatThrownBy(() -> ByteRange.resolve("bytes=100-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.resolve("bytes=100-200", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.resolve("bytes=-0", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
