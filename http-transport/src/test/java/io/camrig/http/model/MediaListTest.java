package io.camrig.http.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaListTest {

    private static MediaFile file(String dir, String name, long cre, long mod) {
        return new MediaFile(dir, name, 10, Instant.ofEpochSecond(cre), Instant.ofEpochSecond(mod));
    }

    private static MediaList list(MediaFile... files) {
        return new MediaList("id", List.of(
                new MediaDirectory("100GOPRO", java.util.Arrays.stream(files)
                        .filter(f -> f.directory().equals("100GOPRO")).toList(), List.of()),
                new MediaDirectory("101GOPRO", java.util.Arrays.stream(files)
                        .filter(f -> f.directory().equals("101GOPRO")).toList(), List.of())));
    }

    @Test
    void newestIsByModifiedTimeFirst() {
        MediaFile old = file("100GOPRO", "GX010009.MP4", 100, 100);
        MediaFile touched = file("100GOPRO", "GX010001.MP4", 50, 200);

        assertThat(list(old, touched).newest()).contains(touched);
    }

    @Test
    void newestBreaksTiesByCreatedTimeThenName() {
        MediaFile a = file("100GOPRO", "GX010001.MP4", 90, 100);
        MediaFile b = file("100GOPRO", "GX010002.MP4", 90, 100);
        MediaFile c = file("100GOPRO", "GX010000.MP4", 95, 100);

        assertThat(list(a, b).newest()).contains(b);
        assertThat(list(a, b, c).newest()).contains(c);
    }

    @Test
    void filesFlattensDirectoriesInOrder() {
        MediaFile a = file("100GOPRO", "GX010001.MP4", 1, 1);
        MediaFile b = file("101GOPRO", "GX010002.MP4", 2, 2);
        MediaList list = list(a, b);

        assertThat(list.files()).containsExactly(a, b);
        assertThat(list.find("101GOPRO", "GX010002.MP4")).contains(b);
        assertThat(list.find("100GOPRO", "GX010002.MP4")).isEmpty();
        assertThat(list.isEmpty()).isFalse();
    }

    @Test
    void recordsAreImmutableAndValidated() {
        assertThatThrownBy(() -> new MediaFile("100GOPRO", "a/b", 1, Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaFile("..", "a", 1, Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaFile("100GOPRO", "a", -2, Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaDirectory("100GOPRO", List.of(file("101GOPRO", "x", 1, 1)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list(file("100GOPRO", "x", 1, 1)).files().add(file("100GOPRO", "y", 1, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
