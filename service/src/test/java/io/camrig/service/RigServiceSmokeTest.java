package io.camrig.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RigServiceSmokeTest {
    @TempDir
    Path media;

    @Test
    void servesCameras() throws Exception {
        try (ServiceFixture f = ServiceFixture.start(4, media, o -> o)) {
            var r = f.get("/api/cameras");
            System.out.println(r.body());
            assertThat(r.statusCode()).isEqualTo(200);
            System.out.println(f.send("PUT", "/api/settings/video_resolution", "{\"option\":\"1080\"}").body());
            System.out.println(f.get("/api/settings").body());
            System.out.println(f.send("POST", "/api/arm", null).body());
            System.out.println(f.send("POST", "/api/fire", "{\"shutter\":\"on\"}").body());
            System.out.println(f.send("POST", "/api/fire", "{\"shutter\":\"off\"}").body());
            System.out.println(f.send("POST", "/api/takes/1/download", null).body());
            System.out.println(f.get("/metrics").body().length());
        }
    }
}
