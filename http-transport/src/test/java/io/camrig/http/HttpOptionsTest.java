package io.camrig.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpOptionsTest {

    @Test
    void defaultsAreDocumented() {
        HttpOptions d = HttpOptions.defaults();

        assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.progressStepBytes()).isEqualTo(65_536);
    }

    @Test
    void withMethodsCopyAndLeaveTheOriginalAlone() {
        HttpOptions d = HttpOptions.defaults();
        HttpOptions changed = d.withConnectTimeout(Duration.ofMillis(100))
                .withResponseTimeout(Duration.ofMillis(200))
                .withProgressStepBytes(1);

        assertThat(changed).isEqualTo(new HttpOptions(Duration.ofMillis(100), Duration.ofMillis(200), 1));
        assertThat(d).isEqualTo(HttpOptions.defaults());
        assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void rejectsValuesOutOfRange() {
        HttpOptions d = HttpOptions.defaults();

        assertThatThrownBy(() -> d.withConnectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withResponseTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withConnectTimeout(Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withProgressStepBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withResponseTimeout(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void downloadProgressKeepsItsBounds() {
        assertThat(new DownloadProgress(5, 10).complete()).isFalse();
        assertThat(new DownloadProgress(5, 10).fraction()).isEqualTo(0.5);
        assertThat(new DownloadProgress(10, 10).complete()).isFalse();
        assertThat(new DownloadProgress(0, 0).fraction()).isEqualTo(1.0);
        assertThatThrownBy(() -> new DownloadProgress(11, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DownloadProgress(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
