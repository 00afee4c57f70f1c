package io.camrig.simulator.state;

import io.camrig.proto.pb.EnumProvisioning;
import io.camrig.proto.pb.EnumResultGeneric;
import io.camrig.proto.pb.EnumScanEntryFlags;
import io.camrig.proto.pb.ResponseGetApEntries;
import io.camrig.proto.pb.ScanEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The access points a virtual camera "sees" and the one it is connected to (station mode): the
 * state behind Scan for Access Points, Get AP Scan Results, Connect to Provisioned Access Point and
 * Connect to a New Access Point. Four networks are in range; the first is already provisioned.
 * A new network is joined when its password has at least 8 characters (WPA2's minimum), otherwise
 * provisioning fails with PROVISIONING_ERROR_PASSWORD_AUTH. Passwords are never kept. Thread-safe.
 *
 * <p>Source: Open GoPro BLE spec, "Access Point"; "Protobuf" / ScanEntry, EnumScanEntryFlags.
 */
public final class SimulatedWifi {
    /**
     * One network in range.
     *
     * @param ssid          its name
     * @param bars          signal strength, 1..3
     * @param frequencyMhz  its channel's frequency
     * @param authenticated {@code true} when it needs a password
     */
    public record Network(String ssid, int bars, int frequencyMhz, boolean authenticated) {
    }

    private final List<Network> inRange = List.of(
            new Network("rig-studio", 3, 5180, true),
            new Network("rig-backstage", 2, 2437, true),
            new Network("venue-guest", 2, 2412, false),
            new Network("press-5g", 1, 5745, true));
    private final Set<String> provisioned = new LinkedHashSet<>(List.of("rig-studio"));
    private int scanId;
    private boolean scanned;
    private String connected;

    /** Starts a scan; returns its id. */
    public synchronized int startScan() {
        scanned = true;
        return ++scanId;
    }

    /** The networks found by the last scan. */
    public synchronized List<Network> inRange() {
        return scanned ? inRange : List.of();
    }

    /** How many networks the camera is provisioned for. */
    public synchronized int provisionedCount() {
        return provisioned.size();
    }

    /** A page of the last scan's results, or RESULT_ARGUMENT_INVALID for another scan id. */
    public synchronized ResponseGetApEntries entries(int requestedScanId, int start, int max) {
        ResponseGetApEntries.Builder out = ResponseGetApEntries.newBuilder().setScanId(requestedScanId);
        if (!scanned || requestedScanId != scanId || start < 0 || max < 0) {
            return out.setResult(EnumResultGeneric.RESULT_ARGUMENT_INVALID).build();
        }
        List<ScanEntry> page = new ArrayList<>();
        for (int i = start; i < inRange.size() && page.size() < max; i++) {
            Network n = inRange.get(i);
            int flags = (n.authenticated() ? EnumScanEntryFlags.SCAN_FLAG_AUTHENTICATED_VALUE : 0)
                    | (provisioned.contains(n.ssid()) ? EnumScanEntryFlags.SCAN_FLAG_CONFIGURED_VALUE : 0)
                    | (n.ssid().equals(connected) ? EnumScanEntryFlags.SCAN_FLAG_ASSOCIATED_VALUE : 0);
            page.add(ScanEntry.newBuilder().setSsid(n.ssid()).setSignalStrengthBars(n.bars())
                    .setSignalFrequencyMhz(n.frequencyMhz()).setScanEntryFlags(flags).build());
        }
        return out.setResult(EnumResultGeneric.RESULT_SUCCESS).addAllEntries(page).build();
    }

    /** Connect to a provisioned network: SUCCESS_OLD_AP, or ERROR_FAILED_TO_ASSOCIATE. */
    public synchronized EnumProvisioning connect(String ssid) {
        if (!provisioned.contains(ssid) || find(ssid).isEmpty()) {
            return EnumProvisioning.PROVISIONING_ERROR_FAILED_TO_ASSOCIATE;
        }
        connected = ssid;
        return EnumProvisioning.PROVISIONING_SUCCESS_OLD_AP;
    }

    /** Connect to a new network with its password (not kept). */
    public synchronized EnumProvisioning connectNew(String ssid, String password) {
        Optional<Network> network = find(ssid);
        if (network.isEmpty()) {
            return EnumProvisioning.PROVISIONING_ERROR_FAILED_TO_ASSOCIATE;
        }
        if (network.get().authenticated() && (password == null || password.length() < 8)) {
            return EnumProvisioning.PROVISIONING_ERROR_PASSWORD_AUTH;
        }
        provisioned.add(ssid);
        connected = ssid;
        return EnumProvisioning.PROVISIONING_SUCCESS_NEW_AP;
    }

    /** The network the camera is connected to. */
    public synchronized Optional<String> connected() {
        return Optional.ofNullable(connected);
    }

    private Optional<Network> find(String ssid) {
        return inRange.stream().filter(n -> n.ssid().equals(ssid)).findFirst();
    }
}
