package io.cablestream.store.web;

import io.cablestream.store.support.HeadlessChromium;
import io.cablestream.store.support.KeycloakTestResource;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static io.cablestream.store.web.UiSamples.ABOVE;
import static io.cablestream.store.web.UiSamples.CONFIDENTIAL;
import static io.cablestream.store.web.UiSamples.READABLE;
import static io.cablestream.store.web.UiSamples.SECRET;
import static io.cablestream.store.web.UiSamples.TAG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in through a real OIDC provider (Keycloak, {@link KeycloakTestResource}) with the authorization code
 * flow, in headless chromium: the reader types their password on the provider's page, comes back to the page they
 * asked for, and sees exactly what their provider-issued clearance (CONFIDENTIAL) allows; signing out ends the
 * provider's session too. Screenshots go to target/screenshots/.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderSignInBrowserTest extends SampleBrowsing {

    @Test
    @Order(1)
    void theReaderSignsInAtTheProviderAndSeesWhatTheirClearanceAllows() {
        browser.get(url("/ui/cables?tag=" + TAG));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        HeadlessChromium.screenshot(browser, "10-sign-in-with-provider");

        signInAtTheProvider();
        // back on the page asked for, signed in with the provider's identity and clearance claim
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        assertThat(browser.getCurrentUrl()).startsWith(url("/ui/cables")).contains("tag=" + TAG);
        assertThat(browser.findElement(By.id("viewer")).getText())
                .isEqualTo(KeycloakTestResource.USER + " · cleared CONFIDENTIAL");
        assertThat(browser.findElements(By.className("cable-link"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrderElementsOf(READABLE);
        assertThat(browser.getPageSource()).doesNotContain(ABOVE.toArray(String[]::new));
        HeadlessChromium.screenshot(browser, "12-signed-in-by-provider");

        // the provider's session is quarkus-oidc's encrypted cookie, out of the pages' scripts' reach
        assertThat(providerSession()).isNotEmpty().allSatisfy(cookie -> {
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getPath()).isEqualTo("/ui");
        });
        assertThat((Object) browser.executeScript("return document.cookie")).isEqualTo("");
        assertThat(browser.manage().getCookieNamed(SessionCookie.NAME)).isNull();

        browser.get(url("/ui/cables/" + CONFIDENTIAL));
        assertThat(browser.findElement(By.id("banner-top")).getText()).isEqualTo("CONFIDENTIAL");
        browser.get(url("/ui/cables/" + SECRET));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cable not available");
        assertThat(browser.getPageSource()).doesNotContain("SECRET//");
        // the provider gave the reader no operator role
        browser.get(url("/ui/status"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not for your role");
    }

    @Test
    @Order(2)
    void signingOutEndsTheProvidersSessionToo() {
        browser.get(url("/ui/overview"));
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/ui/sign-in"));
        assertThat(providerSession()).isEmpty();

        browser.get(url("/ui/cables"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        // the provider asks for the password again: its own session ended with ours
        browser.findElement(By.id("sign-in-provider")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
    }

    /** From the sign-in page: the provider's login form, filled in as the reader would. */
    private void signInAtTheProvider() {
        browser.findElement(By.id("sign-in-provider")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/cables/protocol/openid-connect/auth");
        HeadlessChromium.screenshot(browser, "11-provider-login");
        browser.findElement(By.id("username")).sendKeys(KeycloakTestResource.USER);
        browser.findElement(By.id("password")).sendKeys(
                // read when used: every other test class's application has no provider and no such property
                ConfigProvider.getConfig().getValue(KeycloakTestResource.PASSWORD_PROPERTY, String.class));
        browser.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(url("/ui/")) && "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static List<Cookie> providerSession() {
        return browser.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith(ProviderSignIn.SESSION_COOKIE)).toList();
    }
}
