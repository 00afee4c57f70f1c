package io.camrig.service;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.camrig.service.security.ServiceToken;
import io.camrig.simulator.camera.VirtualCamera;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real browser: Playwright for Java driving Debian's chromium (no browser
 * download; PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1). Skipped with a message when /usr/bin/chromium is
 * missing, unless {@code camrig.browser.required} (CI) makes that a failure. The scenarios build
 * on each other in order, as an operator's session would; the last one saves docs/console.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
            "--disable-sync");
    @TempDir
    static Path media;
    private ServiceFixture f;
    private Playwright playwright;
    private Browser browser;
    private Page page;

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(ARGS));
    }

    static Playwright playwright() {
        boolean required = Boolean.getBoolean("camrig.browser.required");
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                throw new IllegalStateException("camrig.browser.required is set but " + CHROMIUM
                        + " is missing (apt-get install -y chromium)");
            }
            Assumptions.abort("skipping the console's browser tests: " + CHROMIUM
                    + " is missing (apt-get install -y chromium)");
        }
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    @BeforeAll
    void start() {
        playwright = playwright();
        browser = launch(playwright);
        f = ServiceFixture.start(8, media, o -> o);
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1250));
        page.navigate(f.service.uri().toString());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (f != null) {
            f.close();
        }
    }

    private static LocatorAssertions.HasCountOptions within(double ms) {
        return new LocatorAssertions.HasCountOptions().setTimeout(ms);
    }

    @Test
    @Order(1)
    void showsAllEightCamerasWithLiveValues() {
        assertThat(page.locator(".tile")).hasCount(8, within(10_000));
        assertThat(page.locator("#stream")).hasText("events: live");
        assertThat(page.locator("#camera-1 .battery")).hasText("87 %");
        // a live change: camera 4's battery drops in the simulator, its tile follows
        VirtualCamera four = f.sim.cameras().get(3);
        four.statuses().setInt(70, 1, 15);
        assertThat(page.locator("#camera-4 .battery")).hasText("15 %");
        assertThat(page.locator("#camera-4")).hasAttribute("data-state", "warn");
    }

    @Test
    @Order(2)
    void aMismatchedSettingIsHighlighted() throws Exception {
        assertThat(f.send("PUT", "/api/cameras/3/settings/anti_flicker", "{\"option\":\"50Hz\"}").statusCode()).isEqualTo(200);
        Locator cell = page.locator("td[data-camera='3'][data-setting='anti_flicker']");
        assertThat(cell).hasText("50Hz");
        assertThat(cell).hasClass("mismatch");
        assertThat(page.locator("td.mismatch")).hasCount(1);
    }

    @Test
    @Order(3)
    void applyToAllShowsPerCameraOutcomesAndTheMatrixUpdates() {
        page.selectOption("#apply-setting", "anti_flicker");
        assertThat(page.locator("#apply-option option[value='50Hz']")).hasCount(1);
        page.selectOption("#apply-option", "50Hz");
        page.click("#apply button[type=submit]");
        assertThat(page.locator("#outcomes li[data-outcome='ok']")).hasCount(8, within(10_000));
        assertThat(page.locator("td[data-setting='anti_flicker']", new Page.LocatorOptions().setHasText("50Hz")))
                .hasCount(8);
        assertThat(page.locator("td.mismatch")).hasCount(0);
    }

    @Test
    @Order(4)
    void fireOnAndOffCreateATakeWithPerCameraOutcomes() {
        page.click("#arm");
        assertThat(page.locator("#outcomes li[data-outcome='ok']")).hasCount(8, within(15_000));
        page.click("#fire-on");
        assertThat(page.locator("#take-1")).hasAttribute("data-state", "recording",
                new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
        assertThat(page.locator(".tile .rec-dot")).hasCount(8, within(5_000));
        page.click("#fire-off");
        assertThat(page.locator("#take-1")).hasAttribute("data-state", "stopped",
                new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
        assertThat(page.locator("#take-1 .chip.ok")).hasCount(8);
        assertThat(page.locator("#predicted")).not().hasText("–");
        page.click("#take-1 button[data-take='1']");
        assertThat(page.locator("#take-1 .chip", new Page.LocatorOptions().setHasText("↓done")))
                .hasCount(8, within(20_000));
    }

    @Test
    @Order(5)
    void aCameraKilledInTheSimulatorTurnsRedWithItsCauseWithinTwoSeconds() throws Exception {
        VirtualCamera five = f.sim.cameras().get(4);
        f.sim.powerOff(five.identity().serial());
        assertThat(page.locator("#camera-5")).hasAttribute("data-state", "bad",
                new LocatorAssertions.HasAttributeOptions().setTimeout(2_000));
        assertThat(page.locator("#camera-5 .cause")).containsText("Exception");
        assertThat(page.locator("#log li.error").first()).containsText("GoPro 0005");
        Path docs = Path.of(System.getProperty("camrig.docs.dir", "../docs"));
        Files.createDirectories(docs);
        page.screenshot(new Page.ScreenshotOptions().setPath(docs.resolve("console.png")).setFullPage(true));
        assertThat(Files.size(docs.resolve("console.png"))).isGreaterThan(10_000);
    }

    @Test
    @Order(6)
    void anUnauthenticatedMutationIsRefused(@TempDir Path guardedMedia) {
        try (ServiceFixture guarded = ServiceFixture.start(2, guardedMedia,
                o -> o.withToken(ServiceToken.of("browser-test-token")))) {
            Page p = browser.newPage();
            p.navigate(guarded.service.uri().toString());
            assertThat(p.locator("#token-form")).isVisible();
            Object status = p.evaluate("() => fetch('/api/fire', {method: 'POST', headers: {'Content-Type': "
                    + "'application/json'}, body: JSON.stringify({shutter: 'on'})}).then(r => r.status)");
            assertThat(((Number) status).intValue()).isEqualTo(401);
            // the same from a foreign origin page, with the token: refused by the Origin check
            p.fill("#token", "browser-test-token");
            p.click("#token-form button");
            assertThat(p.locator(".tile")).hasCount(2, within(10_000));
            assertThat(guarded.service.rig().members().stream().noneMatch(m -> m.camera()
                    .flatMap(c -> c.status(10)).orElse(0L) == 1L)).isTrue();
            p.close();
        }
    }
}
