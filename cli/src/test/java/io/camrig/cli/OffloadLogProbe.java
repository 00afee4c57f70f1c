package io.camrig.cli;

import io.camrig.cli.console.OffloadLogging;
import io.camrig.http.address.BasicCredentials;
import io.camrig.http.address.CameraAddress;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs as the offload does, for {@link OffloadJarIT}: run with {@code camrig-offload.jar} (and the
 * test classes) on the class path, it sets up the offload's logging as its {@code main} does and
 * logs one event at each level through camrig's and the libraries' loggers; one warning carries a
 * COHN camera's address, whose Basic password is {@link #SECRET}, and an exception.
 */
final class OffloadLogProbe {
    static final String SECRET = "pr0be-s3cret";

    private OffloadLogProbe() {
    }

    public static void main(String[] args) {
        OffloadLogging.configure();
        Logger ours = LoggerFactory.getLogger("io.camrig.engine.offload.OffloadRuns");
        CameraAddress camera = CameraAddress.of(URI.create("https://192.168.50.21"))
                .withCredentials(new BasicCredentials("gopro", SECRET));
        ours.warn("probe: camrig warning for {}", camera, new IllegalStateException("probe: cause at " + camera));
        ours.info("probe: camrig info");
        Logger netty = LoggerFactory.getLogger("reactor.netty.http.client.HttpClientConnect");
        netty.warn("probe: reactor netty warning");
        netty.error("probe: reactor netty error");
        LoggerFactory.getLogger("reactor.core.publisher.Operators").error("probe: dropped error");
        System.err.println("probe: provider " + LoggerFactory.getILoggerFactory().getClass().getName());
    }
}
