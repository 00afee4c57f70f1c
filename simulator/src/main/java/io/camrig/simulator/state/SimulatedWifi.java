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
 * The access points one virtual camera "sees" and the one it is connected to (station mode): the
 * state behind Scan for Access Points, Get AP Scan Results, Connect to Provisioned Access Point and
 * Connect to a New Access Point.
 *
 * <p>The networks come from {@link NetworkDefinition}s ({@link SimulatedNetworks#defaults()} unless
 * configured): the camera sees those whose {@link NetworkDefinition#seenBy(int)} admits its index,
 * with the bars of {@link NetworkDefinition#barsAt(int)}, and is provisioned for the
 * {@link NetworkDefinition#known()} ones. Connect New joins a network it sees when the password is
 * exactly the network's (any for an open one), otherwise provisioning fails with
 * PROVISIONING_ERROR_PASSWORD_AUTH; a network out of range fails with
 * PROVISIONING_ERROR_FAILED_TO_ASSOCIATE. Passwords given by clients are compared and dropped,
 * never kept or logged.
 *
 * <p>"Scan found nothing", a known failure of real cameras: the first {@code emptyScans} scans
 * find no network (NotifStartScanning total_entries 0, no scan entries).
 *
 * <p>Thread-safe. Source: Open GoPro BLE spec, "Access Point"; "Protobuf" / ScanEntry,
 * EnumScanEntryFlags.
 */
public final class SimulatedWifi {
    /**
     * One network as a camera sees it.
     *
     * @param ssid          its name
     * @param bars          signal strength, 1..3
     * @param frequencyMhz  its channel's frequency, MHz
     * @param authenticated {@code true} when it needs a password
     */
    public record Network(String ssid, int bars, int frequencyMhz, boolean authenticated) {
    }

    private final int index;
    private final List<NetworkDefinition> definitions;
    private final List<Network> visible;
    private final Set<String> provisioned = new LinkedHashSet<>();
    private int emptyScansLeft;
    private int scanId;
    private List<Network> lastScan;
    private String connected;
    private Runnable onConnectionChange = () -> { };

    /** Camera 1 of a rig with the default networks and no empty scans. */
    public SimulatedWifi() {
        this(1, SimulatedNetworks.defaults(), 0);
    }

    /**
     * @param index       the camera's 1-based index (what it sees depends on it)
     * @param networks    the networks of the simulated world
     * @param emptyScans  how many of its first scans find nothing, &gt;= 0
     */
    public SimulatedWifi(int index, List<NetworkDefinition> networks, int emptyScans) {
        if (emptyScans < 0) {
            throw new IllegalArgumentException("emptyScans must be >= 0, was " + emptyScans);
        }
        this.index = index;
        this.definitions = List.copyOf(networks);
        this.visible = definitions.stream().filter(d -> d.seenBy(index))
                .map(d -> new Network(d.ssid(), d.barsAt(index), d.frequencyMhz(), d.secured())).toList();
        definitions.stream().filter(NetworkDefinition::known).forEach(d -> provisioned.add(d.ssid()));
        this.emptyScansLeft = emptyScans;
    }

    /** Called (outside the lock) whenever {@link #connected()} changes. */
    public synchronized void onConnectionChange(Runnable listener) {
        this.onConnectionChange = listener;
    }

    /** Starts a scan; returns its id. Its findings are {@link #inRange()} from now on. */
    public synchronized int startScan() {
        if (emptyScansLeft > 0) {
            emptyScansLeft--;
            lastScan = List.of();
        } else {
            lastScan = visible;
        }
        return ++scanId;
    }

    /** The networks found by the last scan (none before the first scan, or after an empty one). */
    public synchronized List<Network> inRange() {
        return lastScan == null ? List.of() : lastScan;
    }

    /** The networks this camera has in range, whether scanned or not. */
    public List<Network> visible() {
        return visible;
    }

    /** How many networks the camera is provisioned for. */
    public synchronized int provisionedCount() {
        return provisioned.size();
    }

    /** A page of the last scan's results, or RESULT_ARGUMENT_INVALID for another scan id. */
    public synchronized ResponseGetApEntries entries(int requestedScanId, int start, int max) {
        ResponseGetApEntries.Builder out = ResponseGetApEntries.newBuilder().setScanId(requestedScanId);
        if (lastScan == null || requestedScanId != scanId || start < 0 || max < 0) {
            return out.setResult(EnumResultGeneric.RESULT_ARGUMENT_INVALID).build();
        }
        List<ScanEntry> page = new ArrayList<>();
        for (int i = start; i < lastScan.size() && page.size() < max; i++) {
            Network n = lastScan.get(i);
            int flags = (n.authenticated() ? EnumScanEntryFlags.SCAN_FLAG_AUTHENTICATED_VALUE : 0)
                    | (provisioned.contains(n.ssid()) ? EnumScanEntryFlags.SCAN_FLAG_CONFIGURED_VALUE : 0)
                    | (n.ssid().equals(connected) ? EnumScanEntryFlags.SCAN_FLAG_ASSOCIATED_VALUE : 0);
            page.add(ScanEntry.newBuilder().setSsid(n.ssid()).setSignalStrengthBars(n.bars())
                    .setSignalFrequencyMhz(n.frequencyMhz()).setScanEntryFlags(flags).build());
        }
        return out.setResult(EnumResultGeneric.RESULT_SUCCESS).addAllEntries(page).build();
    }

    /** Connect to a provisioned network in range: SUCCESS_OLD_AP, or ERROR_FAILED_TO_ASSOCIATE. */
    public EnumProvisioning connect(String ssid) {
        synchronized (this) {
            if (!provisioned.contains(ssid) || seen(ssid).isEmpty()) {
                return EnumProvisioning.PROVISIONING_ERROR_FAILED_TO_ASSOCIATE;
            }
            connected = ssid;
        }
        fireChange();
        return EnumProvisioning.PROVISIONING_SUCCESS_OLD_AP;
    }

    /**
     * Connect to a new network with its password (compared, never kept): SUCCESS_NEW_AP,
     * ERROR_PASSWORD_AUTH for a wrong password, ERROR_FAILED_TO_ASSOCIATE for a network out of range.
     */
    public EnumProvisioning connectNew(String ssid, String password) {
        synchronized (this) {
            Optional<NetworkDefinition> network = seen(ssid);
            if (network.isEmpty()) {
                return EnumProvisioning.PROVISIONING_ERROR_FAILED_TO_ASSOCIATE;
            }
            if (!network.get().accepts(password)) {
                return EnumProvisioning.PROVISIONING_ERROR_PASSWORD_AUTH;
            }
            provisioned.add(ssid);
            connected = ssid;
        }
        fireChange();
        return EnumProvisioning.PROVISIONING_SUCCESS_NEW_AP;
    }

    /**
     * Release Network (an extension the SDKs use): leaves the connected network, keeping it
     * provisioned, so the camera can serve its own AP again. No-op when not connected.
     */
    public void release() {
        synchronized (this) {
            if (connected == null) {
                return;
            }
            connected = null;
        }
        fireChange();
    }

    /** The network the camera is connected to. */
    public synchronized Optional<String> connected() {
        return Optional.ofNullable(connected);
    }

    /** The camera's 1-based index. */
    public int index() {
        return index;
    }

    private Optional<NetworkDefinition> seen(String ssid) {
        return definitions.stream().filter(d -> d.ssid().equals(ssid) && d.seenBy(index)).findFirst();
    }

    private void fireChange() {
        Runnable listener;
        synchronized (this) {
            listener = onConnectionChange;
        }
        listener.run();
    }

    @Override
    public synchronized String toString() {
        return "SimulatedWifi[camera " + index + ", " + visible.size() + " in range, connected="
                + (connected == null ? "none" : connected) + "]";
    }
}
