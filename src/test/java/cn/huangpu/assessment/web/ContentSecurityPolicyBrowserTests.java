package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app's pages under their Content-Security-Policy in real Chromium: every page renders, the chart
 * draws (and is hovered), the progress bars show the stages' numbers, htmx loads the link checks, the print button prints, and the browser
 * reports no violation of the policy. A deliberate inline handler shows the policy is enforced and that
 * violations would be seen. The Camunda webapps keep their own policy, and the Tasklist loads.
 */
@WebIntegrationTest
class ContentSecurityPolicyBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Collects violations from the first moment of every document, before any of its scripts run. */
    static final String RECORD_VIOLATIONS = "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
            + "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;

    Browser browser;

    @BeforeAll
    static void chromiumInstalled() {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPageWorksUnderThePolicyWithoutAViolation() throws Exception {
        // given a scored campaign: both units submitted (their links queued for checking) and verified, the evaluator delivered
        Random random = new Random(13);
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "czj"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        for (String unit : List.of("waitan", "czj")) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
            driver.runJobs();
            bots.verify(id, unit, random);
        }
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", RECORD_VIOLATIONS));

        // when the login page, then every page of the coordinator, is opened: none reports a violation
        browser.open("/login");
        browser.waitForText("登录");
        assertThat(violations("/login")).isEmpty();
        browser.login("office01", "demo");
        for (String page : List.of("/app", "/app/notifications", "/app/campaigns/" + id, "/app/campaigns/" + id + "/audit",
                "/app/self-check/" + id + "/waitan", "/app/evaluation/" + id + "/FINANCE", "/app/comprehensive/" + id,
                "/app/comprehensive/" + id + "/waitan", "/app/results/" + id, "/public/results", "/no/such/page")) {
            browser.open(page);
            browser.waitUntil("page loaded", d -> "complete".equals(browser.js("return document.readyState")) ? true : null);
            assertThat(violations(page)).isEmpty();
        }

        // then the dashboard's chart draws (and takes a hover), the table sorts, the progress bars carry the numbers
        browser.open("/app/campaigns/" + id + "/dashboard");
        browser.waitUntil("the chart", d -> d.findElements(By.cssSelector("#score-chart canvas")).isEmpty() ? null : true);
        new Actions(browser.driver()).moveToElement(browser.driver().findElement(By.cssSelector("#score-chart canvas")))
                .perform();
        browser.click(By.xpath("//table[@id='matrix']//th[normalize-space()='得分']"));
        assertThat(browser.driver().findElements(By.cssSelector("tr.stage"))).isNotEmpty().allSatisfy(row ->
                assertThat(row.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo(row.getAttribute("data-done")));
        browser.screenshot("csp-dashboard.png");
        assertThat(violations("dashboard")).isEmpty();

        // and htmx fills in the link checks beside the indicators of the verification page
        browser.open("/app/verification/" + id + "/waitan");
        browser.waitUntil("link checks loaded by htmx", d -> d.findElement(By.id("checks-1.1")).getText().contains("链接检查")
                ? true : null);
        assertThat(violations("verification")).isEmpty();

        // and the score sheet's print button prints
        browser.open("/app/results/" + id + "/waitan");
        browser.js("window.print = () => { window.__printed = true; };");
        browser.click(By.cssSelector("button[data-print]"));
        assertThat(browser.js("return window.__printed === true")).isEqualTo(true);
        assertThat(violations("score sheet")).isEmpty();

        // and the API docs render (their bundle adds inline styles, which their policy allows; scripts stay 'self')
        browser.open("/swagger-ui/index.html");
        browser.waitUntil("the API docs", d -> d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty() ? null : true);
        assertThat(violations("API docs")).isEmpty();

        // and an inline handler, as an injection would bring, is blocked and reported
        browser.js("document.body.insertAdjacentHTML('beforeend', '<img src=\"/no-such.png\" onerror=\"window.__inline = 1\">');");
        browser.waitUntil("the violation reported", d -> violations("injected").isEmpty() ? null : true);
        assertThat(browser.js("return window.__inline === undefined")).isEqualTo(true);
    }

    @Test
    void theAppSendsItsPolicyAndTheWebappsKeepTheirs() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String policyOfApp = header(http, "/app", "Content-Security-Policy");
        String policyOfTasklist = header(http, "/camunda/app/tasklist/default/", "Content-Security-Policy");

        assertThat(policyOfApp).isEqualTo("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'");
        assertThat(policyOfTasklist).isNotEqualTo(policyOfApp).contains("object-src 'none'", "frame-ancestors 'none'");
        assertThat(header(http, "/public/results", "Content-Security-Policy")).isEqualTo(policyOfApp);
        assertThat(header(http, "/login", "Content-Security-Policy")).isEqualTo(policyOfApp);
        assertThat(header(http, "/swagger-ui/index.html", "Content-Security-Policy"))
                .isEqualTo(policyOfApp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    }

    @Test
    void theTasklistLoadsUnderItsOwnPolicy() {
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);

        browser.login("waitan01", "demo");
        browser.openTasklist();

        assertThat(browser.filterNames()).contains("本单位待办", "我的任务", "已逾期");
    }

    @SuppressWarnings("unchecked")
    private List<String> violations(String page) {
        Object found = browser.js("return window.__cspViolations || ['the violation recorder did not run'];");
        return ((List<Object>) found).stream().map(v -> page + ": " + v).toList();
    }

    private String header(HttpClient http, String path, String name) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("office01:demo".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.headers().firstValue(name).orElse("(none)");
    }
}
