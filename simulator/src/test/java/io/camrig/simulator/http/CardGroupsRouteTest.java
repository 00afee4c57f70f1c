package io.camrig.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.camrig.http.client.CameraHttpClient;
import io.camrig.http.model.GroupMember;
import io.camrig.http.model.MediaGroup;
import io.camrig.http.model.MediaList;
import io.camrig.http.model.MediaPath;
import io.camrig.simulator.media.CardContent;
import io.camrig.simulator.media.SdCardGroup;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

/** A virtual camera's bursts: listed as real cameras list groups, each member served and deleted alone. */
class CardGroupsRouteTest {
    private static final Duration T = Duration.ofSeconds(15);

    private static VirtualHttpRig rig() {
        return VirtualHttpRig.start(new VirtualHttpRig.Options(1, "HERO12 Black", 7, 2048, 1, "127.0.0.1", 0, false, 0,
                Duration.ZERO)).block(T);
    }

    private static byte[] get(VirtualCameraHttpServer s, String path) {
        return HttpClient.create().baseUrl(s.baseUri().toString()).get().uri(path).responseSingle((res, body) ->
                res.status().code() == 200 ? body.asByteArray() : reactor.core.publisher.Mono.just(new byte[0])).block(T);
    }

    @Test
    void aBurstIsListedInTheRealShapeAndEachMemberDownloadsWithItsOwnBytes() {
        try (VirtualHttpRig rig = rig()) {
            VirtualCameraHttpServer s = rig.cameras().get(0);
            SdCardGroup g = s.sdCard().addGroup(4, 3000, Instant.parse("2025-01-02T10:00:00Z"));
            MediaList list = CameraHttpClient.create(s.baseUri()).mediaList().block(T);

            assertThat(g.listedName()).isEqualTo("G0010002.JPG");
            MediaGroup listed = list.groups().get(0);
            assertThat(listed.name()).isEqualTo("G0010002.JPG");
            assertThat(listed.firstMember()).isEqualTo(2);
            assertThat(listed.lastMember()).isEqualTo(5);
            assertThat(listed.sizeBytes()).isEqualTo(12_000);
            assertThat(listed.type()).isEqualTo("b");
            assertThat(list.members()).extracting(GroupMember::name)
                    .containsExactly("G0010002.JPG", "G0010003.JPG", "G0010004.JPG", "G0010005.JPG");
            assertThat(list.files()).hasSize(1);
            for (var m : g.members()) {
                assertThat(get(s, "/videos/DCIM/100GOPRO/" + m.name())).isEqualTo(s.sdCard().expectedBytes(m))
                        .isEqualTo(CardContent.filler(s.sdCard().serial(), m.name(), 3000));
            }
            // the next video takes the next number, as a camera numbers photos and videos in one sequence
            assertThat(s.sdCard().record(Instant.parse("2025-01-02T11:00:00Z")).name()).isEqualTo("GX010006.MP4");
        }
    }

    @Test
    void aDeletedMemberIsListedInMAndNoLongerServed() {
        try (VirtualHttpRig rig = rig()) {
            VirtualCameraHttpServer s = rig.cameras().get(0);
            s.sdCard().addGroup(3, 100, Instant.parse("2025-01-02T10:00:00Z"));
            CameraHttpClient client = CameraHttpClient.create(s.baseUri());

            client.media().deleteFile(new MediaPath("100GOPRO", "G0010003.JPG")).block(T);
            MediaList list = client.mediaList().block(T);

            assertThat(list.groups().get(0).missingMembers()).containsExactly(3);
            assertThat(list.groups().get(0).sizeBytes()).isEqualTo(200);
            assertThat(list.members()).extracting(GroupMember::name).containsExactly("G0010002.JPG", "G0010004.JPG");
            assertThat(get(s, "/videos/DCIM/100GOPRO/G0010003.JPG")).isEmpty();
            assertThat(client.media().info(new MediaPath("100GOPRO", "G0010004.JPG")).block(T).sizeBytes()).isEqualTo(100);
        }
    }

    @Test
    void hostileGroupsAMemberThatIsNotServedAndANameThatBreaksThePattern() {
        try (VirtualHttpRig rig = rig()) {
            VirtualCameraHttpServer s = rig.cameras().get(0);
            s.sdCard().addGroup(3, 100, Instant.parse("2025-01-02T10:00:00Z"));
            s.sdCard().addGroup(2, 100, Instant.parse("2025-01-02T10:01:00Z"));
            s.sdCard().groups().change(1, g -> g.withUnserved(3));
            s.sdCard().groups().change(2, g -> g.listedAs("BURST.JPG"));
            MediaList list = CameraHttpClient.create(s.baseUri()).mediaList().block(T);

            assertThat(get(s, "/videos/DCIM/100GOPRO/G0010003.JPG")).isEmpty();
            assertThat(get(s, "/videos/DCIM/100GOPRO/G0010004.JPG")).hasSize(100);
            assertThat(list.groups()).extracting(MediaGroup::name).containsExactly("G0010002.JPG");
            assertThat(list.rejected()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("BURST.JPG"));
        }
    }
}
