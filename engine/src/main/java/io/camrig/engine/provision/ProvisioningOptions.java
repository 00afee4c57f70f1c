package io.camrig.engine.provision;

import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Immutable options of network provisioning, COHN and AP mode; change them with the {@code with…}
 * methods. Every step has a time limit.
 *
 * @param scanAttempts     how many scans may run before a network counts as not found: real
 *                         cameras' scans sometimes return nothing (default 3, at least 1)
 * @param scanRetryDelay   the pause between two scans (default 2 s)
 * @param scanTimeout      time limit of one scan, from Scan for Access Points to its ending
 *                         NotifStartScanning (default 30 s)
 * @param scanPageSize     entries asked for per Get AP Scan Results request (default 10, 1..100)
 * @param connectTimeout   time limit of one connection (Connect or Connect New until the final
 *                         NotifProvisioningState; default 30 s)
 * @param cohnTimeout      how long the camera may take to report COHN_PROVISIONED with an IP
 *                         address after its certificate was created (default 30 s)
 * @param apTimeout        how long status 69 "AP Mode" may take to show the wanted value after
 *                         Set AP Control (default 15 s)
 * @param apPollInterval   how often status 69 is re-read while waiting, in case a push is lost
 *                         (default 1 s)
 * @param hostJoinTimeout  time limit of the host joining a camera's access point (default 30 s)
 * @param concurrency      cameras of a rig provisioned at a time (default 4)
 * @param scheduler        where delays and time limits run (default {@link Schedulers#parallel()};
 *                         a virtual-time scheduler in tests)
 */
public record ProvisioningOptions(int scanAttempts, Duration scanRetryDelay, Duration scanTimeout, int scanPageSize,
                                  Duration connectTimeout, Duration cohnTimeout, Duration apTimeout,
                                  Duration apPollInterval, Duration hostJoinTimeout, int concurrency,
                                  Scheduler scheduler) {
    public ProvisioningOptions {
        if (scanAttempts < 1) {
            throw new IllegalArgumentException("scanAttempts must be at least 1, was " + scanAttempts);
        }
        if (scanPageSize < 1 || scanPageSize > 100) {
            throw new IllegalArgumentException("scanPageSize must be 1..100, was " + scanPageSize);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        requireNotNegative(scanRetryDelay, "scanRetryDelay");
        requirePositive(scanTimeout, "scanTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(cohnTimeout, "cohnTimeout");
        requirePositive(apTimeout, "apTimeout");
        requirePositive(apPollInterval, "apPollInterval");
        requirePositive(hostJoinTimeout, "hostJoinTimeout");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    public static ProvisioningOptions defaults() {
        return new ProvisioningOptions(3, Duration.ofSeconds(2), Duration.ofSeconds(30), 10, Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(30), 4,
                Schedulers.parallel());
    }

    /**
     * The longest one camera's part of a rig provisioning step may take when every limit is
     * reached: a refused connect to a known network, every scan with its pause, then Connect New
     * (the network step), or COHN's wait. A rig's operation time limit
     * ({@code ResilienceOptions#operationTimeout()}) below this cuts slow cameras short; {@link
     * io.camrig.engine.provision.rig.RigProvisioner} users should raise it to at least this.
     */
    public Duration rigStepLimit() {
        Duration network = connectTimeout.multipliedBy(2)
                .plus(scanTimeout.plus(scanRetryDelay).multipliedBy(scanAttempts));
        Duration cohn = cohnTimeout.multipliedBy(2);
        return (network.compareTo(cohn) >= 0 ? network : cohn).plusSeconds(10);
    }

    /** How many scans, and the pause between two. */
    public ProvisioningOptions withScanRetries(int attempts, Duration delay) {
        return new ProvisioningOptions(attempts, delay, scanTimeout, scanPageSize, connectTimeout, cohnTimeout,
                apTimeout, apPollInterval, hostJoinTimeout, concurrency, scheduler);
    }

    public ProvisioningOptions withScanTimeout(Duration d) {
        return new ProvisioningOptions(scanAttempts, scanRetryDelay, d, scanPageSize, connectTimeout, cohnTimeout,
                apTimeout, apPollInterval, hostJoinTimeout, concurrency, scheduler);
    }

    public ProvisioningOptions withScanPageSize(int n) {
        return new ProvisioningOptions(scanAttempts, scanRetryDelay, scanTimeout, n, connectTimeout, cohnTimeout,
                apTimeout, apPollInterval, hostJoinTimeout, concurrency, scheduler);
    }

    public ProvisioningOptions withConnectTimeout(Duration d) {
        return new ProvisioningOptions(scanAttempts, scanRetryDelay, scanTimeout, scanPageSize, d, cohnTimeout,
                apTimeout, apPollInterval, hostJoinTimeout, concurrency, scheduler);
    }

    public ProvisioningOptions withCohnTimeout(Duration d) {
        return new ProvisioningOptions(scanAttempts, scanRetryDelay, scanTimeout, scanPageSize, connectTimeout, d,
                apTimeout, apPollInterval, hostJoinTimeout, concurrency, scheduler);
    }

    /** Time limit of the wait for status 69, and how often it is re-read meanwhile. */
    public ProvisioningOptions withApTimeout(Duration limit, Duration poll) {
        return new ProvisioningOptions(scanAttempts, scanRetryDelay, scanTimeout, scanPageSize, connectTimeout,
                cohnTimeout, limit, poll, hostJoinTimeout, concurrency, scheduler);
    }

    public ProvisioningOptions withHostJoinTimeout(Duration d) {
        return new ProvisioningOptions(scanAttempts, scanRetryDelay, scanTimeout, scanPageSize, connectTimeout,
                cohnTimeout, apTimeout, apPollInterval, d, concurrency, scheduler);
    }

    public ProvisioningOptions withConcurrency(int n) {
        return new ProvisioningOptions(scanAttempts, scanRetryDelay, scanTimeout, scanPageSize, connectTimeout,
                cohnTimeout, apTimeout, apPollInterval, hostJoinTimeout, n, scheduler);
    }

    public ProvisioningOptions withScheduler(Scheduler s) {
        return new ProvisioningOptions(scanAttempts, scanRetryDelay, scanTimeout, scanPageSize, connectTimeout,
                cohnTimeout, apTimeout, apPollInterval, hostJoinTimeout, concurrency, s);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }
}
