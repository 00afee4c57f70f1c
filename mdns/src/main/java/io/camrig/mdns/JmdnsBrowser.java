package io.camrig.mdns;

import io.camrig.http.address.MdnsBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * {@link MdnsBrowser} on JmDNS: one JmDNS instance per up, multicast-capable, non-loopback IPv4
 * interface address, opened when the browse is subscribed and closed when it ends or is cancelled.
 * Give it to {@link io.camrig.http.address.MdnsDiscovery#using(MdnsBrowser)}.
 */
public final class JmdnsBrowser implements MdnsBrowser {

    /** A browser; it opens nothing until a browse is subscribed. */
    public JmdnsBrowser() {
    }

    @Override
    public Flux<ServiceInstance> browse(String serviceType, Duration window) {
        return Flux.defer(() -> {
            Sinks.Many<ServiceInstance> found = Sinks.many().unicast().onBackpressureBuffer();
            List<JmDNS> instances = Collections.synchronizedList(new ArrayList<>());
            ServiceListener listener = new ServiceListener() {
                @Override
                public void serviceAdded(ServiceEvent event) {
                    event.getDNS().requestServiceInfo(event.getType(), event.getName(), true);
                }

                @Override
                public void serviceRemoved(ServiceEvent event) {
                    // a camera leaving is not reported: the browse is a snapshot
                }

                @Override
                public void serviceResolved(ServiceEvent event) {
                    ServiceInfo info = event.getInfo();
                    List<InetAddress> addresses = new ArrayList<>(Arrays.asList(info.getInet4Addresses()));
                    addresses.addAll(Arrays.asList(info.getInet6Addresses()));
                    if (!addresses.isEmpty() && info.getPort() > 0) {
                        synchronized (found) {
                            found.tryEmitNext(new ServiceInstance(info.getName(), addresses, info.getPort()));
                        }
                    }
                }
            };
            Mono<Void> open = Mono.fromRunnable(() -> {
                for (InetAddress address : interfaceAddresses()) {
                    try {
                        JmDNS dns = JmDNS.create(address);
                        instances.add(dns);
                        dns.addServiceListener(serviceType, listener);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot start mDNS on " + address.getHostAddress(), e);
                    }
                }
            }).subscribeOn(Schedulers.boundedElastic()).then();
            Runnable close = () -> {
                synchronized (instances) {
                    for (JmDNS dns : instances) {
                        try {
                            dns.close();
                        } catch (IOException ignored) {
                            // closing a multicast socket: nothing left to release
                        }
                    }
                    instances.clear();
                }
            };
            return open.thenMany(found.asFlux().take(window))
                    .doFinally(s -> Schedulers.boundedElastic().schedule(close));
        });
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback() || !nif.supportsMulticast()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        out.add(a);
                    }
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot list network interfaces", e);
        }
        return out;
    }
}
