package io.camrig.service.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.camrig.service.ConsoleBrowserHarness;
import io.camrig.service.ServiceFixture;
import io.camrig.simulator.camera.VirtualCamera;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bench harness of issue 17 (not a timed test: it reports, it does not assert timings). Runs
 * only with {@code -Dcamrig.bench.console=true}:
 * <pre>
 * mvn -pl service -am test -Dtest=ConsoleBench -Dsurefire.failIfNoSpecifiedTests=false -Dcamrig.bench.console=true
 * </pre>
 * 128 simulated cameras, each pushing a status change at 2 Hz (SD remaining, status 54); in one
 * run: fires without the console, then with the console open in chromium; the server's CPU with
 * the console open and the rig idle (and without it, for reference); and the delay from a status
 * change in a simulated camera to the browser's handling of the event (battery, status 70).
 */
class ConsoleBench {
    static final int CAMERAS = Integer.getInteger("camrig.bench.cameras", 128);
    static final int FIRES = Integer.getInteger("camrig.bench.fires", 15);

    @Test
    void bench(@TempDir Path media) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("camrig.bench.console"), "bench harness: -Dcamrig.bench.console=true");
        try (ServiceFixture f = ServiceFixture.start(CAMERAS, media, o -> o);
             Playwright pw = ConsoleBrowserHarness.playwright()) {
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            long[] tick = {0};
            var job = ticker.scheduleAtFixedRate(() -> {
                tick[0]++;
                for (VirtualCamera c : f.sim.cameras()) {
                    c.statuses().setInt(54, 8, 58_000_000L - tick[0] * 1000 - c.identity().index());
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            f.send("POST", "/api/arm", null);
            List<double[]> without = fires(f);
            Browser browser = ConsoleBrowserHarness.launch(pw);
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
            page.navigate(f.service.uri().toString());
            PlaywrightAssertions.assertThat(page.locator(".tile")).hasCount(CAMERAS,
                    new LocatorAssertions.HasCountOptions().setTimeout(60_000));
            List<double[]> with = fires(f);
            List<Double> latencies = latency(f, page);
            job.cancel(false);
            ticker.shutdown();
            // The rig is idle once the 2 Hz ticker has stopped; the 20 s windows dwarf any tail.
            assertThat(ticker.awaitTermination(10, TimeUnit.SECONDS)).as("status ticker stopped").isTrue();
            double cpuWith = cpu(20);
            page.close();
            double cpuWithout = cpu(20);
            browser.close();
            System.out.println("CONSOLE-BENCH cameras=" + CAMERAS + " fires=" + FIRES + " (each on+off)");
            report("without console", without);
            report("with console", with);
            System.out.printf(Locale.ROOT, "CONSOLE-BENCH status change in the simulated camera -> browser ms: n=%d p50=%.1f p99=%.1f max=%.1f%n",
                    latencies.size(), pct(latencies, 50), pct(latencies, 99), Collections.max(latencies));
            System.out.printf(Locale.ROOT, "CONSOLE-BENCH idle cpu %% of a core: console open %.2f, no console %.2f%n",
                    cpuWith, cpuWithout);
        }
    }

    /** FIRES fire on/off pairs; per fire on: observed spread ms, write skew ms. */
    private static List<double[]> fires(ServiceFixture f) throws Exception {
        List<double[]> out = new ArrayList<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 0; i < FIRES; i++) {
            var on = json.readTree(f.send("POST", "/api/fire", "{\"shutter\":\"on\"}").body()).path("figures");
            out.add(new double[] {on.path("observedSpreadMs").asDouble(), on.path("fireSkewMs").asDouble(),
                    on.path("fired").asDouble()});
            f.send("POST", "/api/fire", "{\"shutter\":\"off\"}");
            // the next fire starts when every camera is ready again (not busy, not encoding)
            f.service.rig().arm().block(Duration.ofSeconds(30));
        }
        return out;
    }

    /** Sets a camera's battery and times its arrival in the page (same host clock, sub-ms). */
    private static List<Double> latency(ServiceFixture f, Page page) throws Exception {
        page.evaluate("() => { window.__arrivals = []; const orig = updateCamera; window.updateCamera = (c) => {"
                + " window.__arrivals.push([c.index, c.batteryPercent, performance.timeOrigin + performance.now()]);"
                + " orig(c); }; }");
        long baseNanos = System.nanoTime();
        long baseMillis = System.currentTimeMillis();
        List<double[]> sent = new ArrayList<>();
        // when each battery change reached the engine (after the simulated BLE link's 10-30 ms)
        List<double[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<reactor.core.Disposable> subs = new ArrayList<>();
        for (var m : f.service.rig().members()) {
            subs.add(m.statusUpdates().filter(u -> u.statusId() == 70).subscribe(u -> received.add(new double[] {
                    m.index(), u.value(), baseMillis + (u.receivedNanos() - baseNanos) / 1e6})));
        }
        // 200 battery changes, one every 47 ms (scheduled, so the pace does not drift with the work)
        java.util.Map<Integer, Integer> last = new java.util.HashMap<>();
        Flux.interval(Duration.ZERO, Duration.ofMillis(47)).take(200).doOnNext(n -> {
            int i = n.intValue();
            VirtualCamera c = f.sim.cameras().get((i * 37) % CAMERAS);
            int value = 1 + (i % 90);
            double t = baseMillis + (System.nanoTime() - baseNanos) / 1e6;
            c.statuses().setInt(70, 1, value);
            sent.add(new double[] {c.identity().index(), value, t});
            last.put(c.identity().index(), value);
        }).blockLast();
        // Coalescing may drop intermediate values but always delivers each camera's latest one:
        // wait until the page has seen every camera's last battery value.
        List<List<Integer>> want = last.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList();
        page.waitForFunction("want => want.every(([i, v]) => window.__arrivals.some(a => a[0] === i && a[1] === v))",
                want, new Page.WaitForFunctionOptions().setTimeout(30_000));
        @SuppressWarnings("unchecked")
        List<List<Number>> arrivals = (List<List<Number>>) page.evaluate("() => window.__arrivals");
        subs.forEach(reactor.core.Disposable::dispose);
        List<Double> fromSimulator = new ArrayList<>();
        List<Double> fromEngine = new ArrayList<>();
        for (double[] s : sent) {
            var browser = arrivals.stream().filter(a -> a.get(0).intValue() == (int) s[0] && a.get(1) != null
                            && a.get(1).intValue() == (int) s[1] && a.get(2).doubleValue() >= s[2] - 1)
                    .findFirst();
            browser.ifPresent(a -> fromSimulator.add(a.get(2).doubleValue() - s[2]));
            var engine = received.stream().filter(r -> (int) r[0] == (int) s[0] && (int) r[1] == (int) s[1]
                    && r[2] >= s[2] - 1).findFirst();
            if (browser.isPresent() && engine.isPresent()) {
                fromEngine.add(browser.get().get(2).doubleValue() - engine.get()[2]);
            }
        }
        System.out.printf(Locale.ROOT, "CONSOLE-BENCH status change in the engine -> browser ms: n=%d p50=%.1f "
                        + "p99=%.1f max=%.1f%n", fromEngine.size(), pct(fromEngine, 50), pct(fromEngine, 99),
                fromEngine.isEmpty() ? Double.NaN : Collections.max(fromEngine));
        return fromSimulator;
    }

    /** The process's CPU over a wall-clock window of {@code seconds}, in % of one core. */
    private static double cpu(int seconds) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Mono.delay(Duration.ofSeconds(seconds)).block();   // the measurement window itself
        return 100.0 * (os.getProcessCpuTime() - c0) / (System.nanoTime() - t0);
    }

    private static void report(String label, List<double[]> fires) {
        List<Double> observed = fires.stream().map(a -> a[0]).toList();
        List<Double> skew = fires.stream().map(a -> a[1]).toList();
        System.out.printf(Locale.ROOT, "CONSOLE-BENCH %s: observed spread ms p50=%.2f p99=%.2f; write skew ms p50=%.2f "
                        + "p99=%.2f; fired min=%.0f%n", label, pct(observed, 50), pct(observed, 99), pct(skew, 50),
                pct(skew, 99), fires.stream().mapToDouble(a -> a[2]).min().orElse(0));
    }

    private static double pct(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.isEmpty() ? Double.NaN : s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
}
