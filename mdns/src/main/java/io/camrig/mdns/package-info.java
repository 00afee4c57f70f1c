/**
 * Multicast DNS browsing on JmDNS ({@link io.camrig.mdns.JmdnsBrowser}), for {@link
 * io.camrig.http.address.MdnsDiscovery} to find cameras on USB that register {@code _gopro-web._tcp}.
 */
package io.camrig.mdns;
