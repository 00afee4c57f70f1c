package io.camrig.engine.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class StatusCacheTest {
    private final StatusCache cache = new StatusCache();

    @Test
    void anUnknownStatusIsNeitherSetNorClear() {
        assertThat(cache.get(10)).isEmpty();
        assertThat(cache.isSet(10)).isFalse();
        assertThat(cache.isClear(10)).isFalse();
        assertThat(cache.snapshot()).isEmpty();
    }

    @Test
    void theLastValueWinsAndZeroIsAKnownValue() {
        cache.put(10, 1);
        cache.put(10, 0);
        cache.put(70, 87);
        cache.put(255, 0xFFFF_FFFFL);
        cache.put(0, 5);

        assertThat(cache.get(10)).contains(0L);
        assertThat(cache.isClear(10)).isTrue();
        assertThat(cache.isSet(70)).isTrue();
        assertThat(cache.snapshot()).containsOnly(
                entry(0, 5L), entry(10, 0L),
                entry(70, 87L), entry(255, 0xFFFF_FFFFL));
    }

    @Test
    void idsOutsideOneByteAreRefusedOnWriteAndUnknownOnRead() {
        assertThatThrownBy(() -> cache.put(256, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256");
        assertThatThrownBy(() -> cache.put(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.get(256)).isEmpty();
        assertThat(cache.get(-1)).isEmpty();
    }
}
