package io.camrig.http;

import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.util.NetUtil;
import reactor.netty.http.client.HttpClient;

/**
 * How an {@link HttpExchange} turns its camera's host into a socket address. Cameras are reached by
 * IP address (the AP's {@code 10.5.5.9}, USB's {@code 172.2X.1YZ.51}, a COHN camera's DHCP address,
 * a simulated camera's {@code 127.0.0.1}): for such a numeric host the JDK makes the address from
 * the literal, without a lookup, so Reactor Netty's default, Netty's DNS resolver, is not needed
 * (in an offload it loads some 70 classes, reads {@code /etc/resolv.conf} and {@code /etc/hosts}
 * and keeps DNS caches per event loop: BENCHMARKS.md, "Offload memory, session 11"). A host name
 * keeps Reactor Netty's non-blocking DNS resolver.
 */
final class NumericHosts {
    private NumericHosts() {
    }

    /**
     * {@code client}, resolving through the JDK when {@code host} is an IPv4 or IPv6 literal
     * (IPv6 with or without its URI brackets), else unchanged.
     */
    static HttpClient resolverFor(HttpClient client, String host) {
        return isNumeric(host) ? client.resolver(DefaultAddressResolverGroup.INSTANCE) : client;
    }

    /** {@code true} for an IPv4 or IPv6 literal (IPv6 with or without its URI brackets). */
    static boolean isNumeric(String host) {
        return host != null && (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host));
    }
}
