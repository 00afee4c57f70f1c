package io.camrig.service;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;

/** Launching Debian's chromium through Playwright, for the bench harness (as the browser tests do). */
public final class ConsoleBrowserHarness {
    private ConsoleBrowserHarness() {
    }

    public static Playwright playwright() {
        return ConsoleBrowserTest.playwright();
    }

    public static Browser launch(Playwright playwright) {
        return ConsoleBrowserTest.launch(playwright);
    }
}
