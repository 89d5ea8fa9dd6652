package io.cablestream.store.web;

import io.cablestream.store.support.HeadlessChromium;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

/**
 * What the browser tests share: the 24 sample cables stored ({@link UiSamples}), one headless chromium for the
 * class, and the service's URLs.
 */
abstract class SampleBrowsing {

    /** Made before the first request: it also writes the key pair the service verifies local tokens with. */
    static String confidentialReader;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void storeTheSamplesAndStartTheBrowser() {
        confidentialReader = TestTokens.reader("CONFIDENTIAL");
        UiSamples.store();
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
