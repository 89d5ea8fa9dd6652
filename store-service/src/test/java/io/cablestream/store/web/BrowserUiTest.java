package io.cablestream.store.web;

import io.cablestream.store.support.HeadlessChromium;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.cablestream.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.cablestream.store.web.UiSamples.ABOVE;
import static io.cablestream.store.web.UiSamples.CITING_CONFIDENTIAL;
import static io.cablestream.store.web.UiSamples.CONFIDENTIAL;
import static io.cablestream.store.web.UiSamples.READABLE;
import static io.cablestream.store.web.UiSamples.SECRET;
import static io.cablestream.store.web.UiSamples.TAG;
import static io.cablestream.store.web.UiSamples.TWO_STEPS;
import static io.cablestream.store.web.UiSamples.UNCLASSIFIED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The browser UI in headless chromium against the real store (broker, PostgreSQL): the 24 sample cables, with
 * references among them ({@link UiSamples}), read by a reader cleared to CONFIDENTIAL, who signs in, searches, opens a cable, follows
 * a reference, sees the graph and the charts drawn, and never meets a SECRET cable. Screenshots of each page go to
 * target/screenshots/.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserUiTest extends SampleBrowsing {

    @Test
    @Order(1)
    void aPageAsksToSignInAndTheTokenIsKeptInAnHttpOnlyCookie() {
        browser.get(url("/ui/cables?tag=" + TAG));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        HeadlessChromium.screenshot(browser, "01-sign-in");

        browser.findElement(By.id("token")).sendKeys("not a token");
        browser.findElement(By.id("sign-in")).click();
        // a click returns before the next page has loaded: wait for it
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-error"))).getText())
                .contains("not valid");

        browser.findElement(By.id("token")).sendKeys(confidentialReader);
        browser.findElement(By.id("sign-in")).click();
        // back to the page asked for, signed in
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
        assertThat(browser.getCurrentUrl()).endsWith("/ui/cables?tag=" + TAG);
        assertThat(browser.findElement(By.id("viewer")).getText()).contains("CONFIDENTIAL");
        var cookie = browser.manage().getCookieNamed(SessionCookie.NAME);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/ui");
        assertThat((Object) browser.executeScript("return document.cookie")).isEqualTo("");
    }

    @Test
    @Order(2)
    void theSearchCountsAndListsOnlyTheCablesTheReaderMayRead() {
        browser.get(url("/ui/cables"));
        WebElement tag = browser.findElement(By.name("tag"));
        tag.clear();
        tag.sendKeys(TAG);
        browser.findElement(By.id("search")).click();
        loaded("tag=" + TAG);
        assertThat(browser.findElement(By.id("count")).getText()).startsWith(READABLE.size() + " cables match");
        assertThat(links("cable-link")).containsExactlyInAnyOrderElementsOf(READABLE);
        assertNoCableAbove(browser.getPageSource());
        HeadlessChromium.screenshot(browser, "02-search");

        // every filter is in the URL: a shared link gives the same page; a page of 3 links to the next
        browser.get(url("/ui/cables?tag=" + TAG + "&sort=dtg&limit=3"));
        assertThat(links("cable-link")).hasSize(3).first().isEqualTo("06SANJOSE777");
        assertThat(browser.findElement(By.id("count")).getText()).contains(READABLE.size() + " cables match, 3 on this page");
        browser.findElement(By.id("next-page")).click();
        loaded("cursor=");
        assertThat(links("cable-link")).hasSize(3).doesNotContain("06SANJOSE777");

        // full text: a word of the CONFIDENTIAL cable finds it, one of the SECRET cable's subject finds nothing
        browser.get(url("/ui/cables?tag=" + TAG + "&q=Puri"));
        assertThat(links("cable-link")).containsExactly(CONFIDENTIAL);
        browser.get(url("/ui/cables?tag=" + TAG + "&q=Lugo"));
        assertThat(links("cable-link")).isEmpty();
        assertThat(browser.findElement(By.id("count")).getText()).startsWith("0 cables match");
    }

    @Test
    @Order(3)
    void theCablePageShowsTheMarkingsTheReferencesAndTheRawTextOnDemand() {
        browser.get(url("/ui/cables?tag=" + TAG));
        browser.findElement(By.linkText(CONFIDENTIAL)).click();
        loaded("/ui/cables/" + CONFIDENTIAL);
        for (String banner : List.of("banner-top", "banner-bottom")) {
            WebElement element = browser.findElement(By.id(banner));
            assertThat(element.getText()).isEqualTo("CONFIDENTIAL");
            assertThat(element.getCssValue("background-color")).isEqualTo("rgba(0, 51, 160, 1)");
        }
        assertThat(browser.findElement(By.id("subject")).getText()).contains("HARDEEP SINGH PURI");
        assertThat(browser.findElement(By.id("tags")).findElements(By.tagName("a"))).extracting(WebElement::getText)
                .contains("PREL", TAG);
        assertThat(browser.findElements(By.cssSelector("#paragraphs .portion .marking"))).isNotEmpty()
                .first().satisfies(marking -> assertThat(marking.getText()).isEqualTo("(C)"));
        assertThat(links("reference-link")).containsExactly(UNCLASSIFIED);
        assertThat(browser.findElement(By.id("references")).getText()).contains("(not available)");
        assertThat(links("citing-link")).containsExactly(CITING_CONFIDENTIAL);
        assertNoCableAbove(browser.getPageSource());

        HeadlessChromium.screenshot(browser, "03-cable");
        browser.findElement(By.id("show-raw")).click();
        WebElement raw = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("raw-text")));
        assertThat(raw.getText()).contains("HARDEEP SINGH PURI");

        // following a reference opens the cited cable, green
        browser.findElement(By.className("reference-link")).click();
        loaded("/ui/cables/" + UNCLASSIFIED);
        assertThat(browser.findElement(By.id("banner-top")).getText()).isEqualTo("UNCLASSIFIED");
        assertThat(browser.findElement(By.id("banner-top")).getCssValue("background-color"))
                .isEqualTo("rgba(0, 122, 51, 1)");
        assertThat(links("citing-link")).containsExactly(CONFIDENTIAL);
    }

    @Test
    @Order(4)
    void theGraphIsDrawnTwoStepsOutWithoutTheSecretCable() {
        browser.get(url("/ui/cables/" + CONFIDENTIAL));
        browser.findElement(By.id("graph-link")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-graph-ready", "true"));
        @SuppressWarnings("unchecked")
        List<String> nodes = (List<String>) browser.executeScript(
                "return window.cablesGraph.nodes().map(n => n.id()).sort()");
        assertThat(nodes).containsExactlyInAnyOrder(CONFIDENTIAL, UNCLASSIFIED, CITING_CONFIDENTIAL, TWO_STEPS);
        assertThat((Long) browser.executeScript("return window.cablesGraph.edges().length")).isEqualTo(3L);
        assertThat(browser.executeScript("return window.cablesGraph.getElementById(arguments[0]).data('level')",
                UNCLASSIFIED)).isEqualTo("level-unclassified");
        // drawn: cytoscape's canvases have a size and pixels painted on them
        assertThat(painted("#graph canvas")).isTrue();
        assertThat(links("graph-node")).containsExactlyInAnyOrder(CONFIDENTIAL, UNCLASSIFIED, CITING_CONFIDENTIAL,
                TWO_STEPS);
        assertNoCableAbove(browser.getPageSource());
        HeadlessChromium.screenshot(browser, "04-graph");

        // each node is a link
        browser.findElement(By.linkText(TWO_STEPS)).click();
        loaded("/ui/cables/" + TWO_STEPS);
    }

    @Test
    @Order(5)
    void theChartsAreDrawnFromTheCountsTheReaderMaySee() {
        browser.get(url("/ui/overview"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-charts-ready", "true"));
        for (String chart : List.of("chart-year", "chart-classification", "chart-origin", "chart-tag")) {
            assertThat(painted("#" + chart)).as(chart).isTrue();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> classification = (Map<String, Object>) browser.executeScript("""
                const chart = Chart.getChart(document.getElementById('chart-classification'));
                return {labels: chart.data.labels, sum: chart.data.datasets[0].data.reduce((a, b) => a + b, 0)};""");
        assertThat((List<?>) classification.get("labels")).isNotEmpty().allSatisfy(label ->
                assertThat((String) label).doesNotStartWith("SECRET").doesNotStartWith("TOP SECRET")
                        .doesNotContain("NOFORN"));
        long total = given().header("Authorization", TestTokens.bearer(confidentialReader))
                .get("/api/stats").then().statusCode(200).extract().jsonPath().getLong("total");
        assertThat(((Number) classification.get("sum")).longValue()).isEqualTo(total);
        assertThat(browser.findElement(By.id("total")).getText()).startsWith(total + " stored cables");
        @SuppressWarnings("unchecked")
        List<String> tags = (List<String>) browser.executeScript(
                "return Chart.getChart(document.getElementById('chart-tag')).data.labels");
        assertThat(tags).isNotEmpty();
        HeadlessChromium.screenshot(browser, "05-overview");
    }

    @Test
    @Order(6)
    void theSecretCablesPermalinkReadsAsNotStored() {
        for (String path : List.of("/ui/cables/" + SECRET, "/ui/cables/" + SECRET + "/graph",
                "/ui/cables/09NOSUCHCABLE1")) {
            browser.get(url(path));
            assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Cable not available");
            assertThat(browser.getPageSource()).doesNotContain("LUGO");
        }
        HeadlessChromium.screenshot(browser, "06-not-available");
        browser.get(url("/ui/cables/" + SECRET + "/raw"));
        assertThat(browser.getPageSource()).doesNotContain("LUGO");

        // the same cable for a reader cleared to SECRET, who sees it cite the CONFIDENTIAL one
        String secret = TestTokens.bearer(TestTokens.reader("SECRET"));
        given().header("Authorization", secret).get("/api/cables/" + SECRET).then().statusCode(200);
    }

    @Test
    @Order(8)
    void anOperatorSeesThePipelineAndCanAskForAReplay() {
        signOut();
        browser.get(url("/ui/status"));
        browser.findElement(By.id("token")).sendKeys(TestTokens.everything());
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("services")));
        assertThat(browser.findElement(By.id("services")).getText()).contains("store-service ready")
                .contains("parse-service not ready");
        // the store's own consumer group has read everything this test published
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("lag")).getText()).contains("store store-service cables.parsed 0");
        });
        // each stage's records of the last minutes, from the broker's time index: the samples were published to
        // cables.parsed minutes ago at most (other test classes of this run may have published more), and stored;
        // nothing was published to cables.raw (no ingest-service runs here)
        List<String> rates = browser.findElements(By.cssSelector("#rates tr")).stream().map(WebElement::getText).toList();
        assertThat(rates.get(0)).isEqualTo("Stage Counted on 1 min 5 min 15 min");
        assertThat(rates).contains("ingested cables.raw 0 (0.0/min) 0 (0.0/min) 0 (0.0/min)");
        for (String stage : List.of("parsed cables.parsed", "stored the database")) {
            String row = rates.stream().filter(r -> r.startsWith(stage)).findFirst().orElseThrow();
            List<Long> counts = java.util.regex.Pattern.compile("(\\d+) \\(").matcher(row).results()
                    .map(m -> Long.parseLong(m.group(1))).toList();
            assertThat(counts).as(row).hasSize(3).isSorted();
            assertThat(counts.get(2)).as(row).isGreaterThanOrEqualTo(UiSamples.count());
        }
        browser.findElement(By.id("replay")).click();
        browser.switchTo().alert().accept();
        // no parse-service runs in this test: the page says so instead of failing
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-outcome"))).getText())
                .startsWith("Not replayed: parse-service is not reachable");
        HeadlessChromium.screenshot(browser, "07-pipeline");
        signOut();
    }

    @Test
    @Order(7)
    void errorsArePagesOnTheUiAndProblemBodiesOnTheApi() {
        browser.get(url("/ui/cables?from=yesterday"));
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("A search field does not read");
        assertThat(browser.findElement(By.id("error-detail")).getText()).contains("from");
        browser.get(url("/ui/no-such-page"));
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("No such page");
        browser.get(url("/ui/status"));
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("Not for your role");
        // an error page keeps the header of the reader who is signed in
        assertThat(browser.findElement(By.id("viewer")).getText()).contains("cleared CONFIDENTIAL");

        // the API keeps its bearer header and its problem bodies
        given().header("Authorization", TestTokens.bearer(confidentialReader))
                .get("/api/cables/" + CONFIDENTIAL).then().statusCode(200).body("cableId", equalTo(CONFIDENTIAL));
        given().get("/api/cables/no-such/nothing").then().statusCode(404).contentType("application/problem+json");

        // signing out drops the cookie: the next page asks to sign in again
        signOut();
        browser.get(url("/ui/overview"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    }

    private void signOut() {
        browser.get(url("/ui/cables"));
        if (!browser.findElements(By.cssSelector("form.who button")).isEmpty()) {
            browser.findElement(By.cssSelector("form.who button")).click();
            loaded("/ui/sign-in");
        }
        assertThat(browser.manage().getCookieNamed(SessionCookie.NAME)).isNull();
    }

    /** After a click: the next page's address, and that page loaded (a click returns before it is). */
    private static void loaded(String urlPart) {
        wait.until(ExpectedConditions.urlContains(urlPart));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static List<String> links(String cssClass) {
        return browser.findElements(By.className(cssClass)).stream().map(WebElement::getText).toList();
    }

    /** Whether every canvas the selector names has a size and at least one pixel drawn on it. */
    private static boolean painted(String selector) {
        return (Boolean) browser.executeScript("""
                const canvases = [...document.querySelectorAll(arguments[0])];
                return canvases.length > 0 && canvases.some(c => c.width > 0 && c.height > 0) && canvases.some(c => {
                  if (c.width === 0 || c.height === 0) return false;
                  const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) return true; }
                  return false;
                });""", selector);
    }

    /** No id of a sample cable above the reader's clearance anywhere in the page. */
    private static void assertNoCableAbove(String page) {
        assertThat(page).doesNotContain(ABOVE.toArray(String[]::new));
    }
}
