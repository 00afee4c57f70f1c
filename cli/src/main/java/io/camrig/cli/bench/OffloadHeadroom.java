package io.camrig.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The most of curl's rate that a client as lean as curl could reach on this machine if it also
 * computed SHA-256 while streaming, from what the machine spent during curl's own run.
 *
 * <p>During curl's run the whole machine (curl, the simulator serving the files, the kernel, other
 * users) was busy a share {@code b} of its {@code n} cores' time and spent {@code B} CPU seconds per
 * 10^9 bytes, so curl's rate was {@code b·n/B}. Such a client spends at least {@code B + h} per
 * 10^9 bytes, {@code h} being SHA-256's own cost on this CPU, and cannot go faster than {@code
 * n/(B + h)}: at most {@code B / (b·(B + h))} of curl's rate. Above 1 the bound does not bite (curl
 * left enough idle time for the hashing). Other users' load during curl's run counts in {@code B}
 * and makes the bound more generous, never stricter.
 */
final class OffloadHeadroom {
    private OffloadHeadroom() {
    }

    /**
     * The machine during one run.
     *
     * @param busy the busy share of all cores' time, 0 to 1
     * @param cpuPerGB busy CPU seconds of the whole machine per 10^9 bytes transferred
     */
    record Machine(double busy, double cpuPerGB) {
        /** The machine between two readings of {@link MachineCpu} around a transfer of {@code gb} 10^9 bytes. */
        static Machine between(MachineCpu before, MachineCpu after, double gb) {
            return new Machine(after.busyFractionSince(before), after.busySecondsSince(before) / gb);
        }
    }

    /** The bound of the class comment as a share of curl's rate, for SHA-256 at {@code shaCpuPerGB} s per 10^9 bytes. */
    static double boundRatio(Machine duringCurl, double shaCpuPerGB) {
        double b = duringCurl.cpuPerGB();
        return b / (duringCurl.busy() * (b + shaCpuPerGB));
    }

    /**
     * SHA-256's CPU on this machine in this JVM, s per 10^9 bytes: the least of three passes over
     * 64 MiB (after one unmeasured pass for the JIT), one thread, the JDK's provider (which uses the
     * CPU's SHA instructions where present).
     */
    static double jdkSha256CpuPerGB() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ByteBuffer data = ByteBuffer.allocateDirect(64 << 20);
        double best = Double.NaN;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int pass = 0; pass < 4; pass++) {
                long t0 = threads.getCurrentThreadCpuTime();
                sha.update(data.clear());
                sha.digest();
                double s = (threads.getCurrentThreadCpuTime() - t0) / 1e9 / (data.capacity() / 1e9);
                best = pass == 0 ? best : cheaper(best, s);  // the first pass only warms the JIT up
            }
        } catch (NoSuchAlgorithmException | UnsupportedOperationException e) {
            return Double.NaN;
        }
        return best;
    }

    /** The Markdown table of the bound per camera count (medians over the rounds). */
    static String table(Map<Integer, List<OffloadBenchResult.Round>> results, double jdkShaCpuPerGB) {
        if (results.values().stream().flatMap(List::stream).allMatch(r -> r.curlMachine() == null)) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nHeadroom: the most a client as lean as curl "
                + "could reach here if it also hashed while streaming (machine-wide CPU during curl's run, /proc/stat; "
                + "SHA-256: the cheaper of the JDK's, %s s/GB, and openssl's).%n%n",
                OffloadBenchResult.cell("%.2f", jdkShaCpuPerGB)));
        sb.append("| cameras | machine busy during curl | machine CPU s/GB during curl | SHA-256 CPU s/GB | bound MB/s "
                + "| bound / curl | camrig / bound |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<Integer, List<OffloadBenchResult.Round>> e : results.entrySet()) {
            List<OffloadBenchResult.Round> r = e.getValue().stream().filter(x -> x.curlMachine() != null).toList();
            double busy = OffloadBenchResult.median(r, x -> x.curlMachine().busy());
            double machine = OffloadBenchResult.median(r, x -> x.curlMachine().cpuPerGB());
            double sha = cheaper(jdkShaCpuPerGB, OffloadBenchResult.median(r, OffloadBenchResult.Round::shaCpuPerGB));
            double ratio = boundRatio(new Machine(busy, machine), sha);
            double bound = ratio * OffloadBenchResult.median(r, OffloadBenchResult.Round::curlMBps);
            sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s |%n", e.getKey(),
                    OffloadBenchResult.cell("%.0f %%", busy * 100), OffloadBenchResult.cell("%.2f", machine),
                    OffloadBenchResult.cell("%.2f", sha), OffloadBenchResult.cell("%.0f", bound),
                    OffloadBenchResult.cell("%.2f", ratio),
                    OffloadBenchResult.cell("%.2f", OffloadBenchResult.median(r, OffloadBenchResult.Round::camrigMBps) / bound)));
        }
        return sb.toString();
    }

    /** The smaller of two costs, either of which may be NaN (not measured); NaN only when both are. */
    static double cheaper(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }
}
