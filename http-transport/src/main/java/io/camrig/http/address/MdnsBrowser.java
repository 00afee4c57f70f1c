package io.camrig.http.address;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Browses one DNS-SD service type over multicast DNS. {@link MdnsDiscovery} uses one; module
 * {@code camrig-mdns} gives {@code io.camrig.mdns.JmdnsBrowser}, tests give their own.
 */
@FunctionalInterface
public interface MdnsBrowser {

    /**
     * Browses {@code serviceType} (for example {@code _gopro-web._tcp.local.}) for {@code window}.
     *
     * @return each resolved service instance as it is found, then completes when the window
     *     closes; nothing happens until subscribed
     */
    Flux<ServiceInstance> browse(String serviceType, Duration window);

    /** One resolved service instance: its name, addresses and port. */
    record ServiceInstance(String name, List<InetAddress> addresses, int port) {
        public ServiceInstance {
            addresses = List.copyOf(addresses);
        }
    }
}
