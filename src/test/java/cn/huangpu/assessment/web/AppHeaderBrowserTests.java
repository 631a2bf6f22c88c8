package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app's header (templates/layout.html) on a phone 390 px wide (and sideways, 667 px), in real Chromium,
 * for each kind of account, with the longest unread count (99+):
 * the page does not scroll sideways, every piece of the header (the app's name, each link, the user and 退出)
 * lies inside the window and on no other, and the links can be clicked.
 */
@WebIntegrationTest
class AppHeaderBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    static final int LANDSCAPE_WIDTH = 667;

    /** The header's pieces as boxes: {what, left, top, right, bottom}, in CSS pixels of the page. */
    static final String HEADER_BOXES = """
            const header = document.querySelector('header.top');
            const pieces = [...header.querySelectorAll('.brand, nav a, .user > span, .user button')];
            return pieces.map((e) => {
              const r = e.getBoundingClientRect();
              return { what: (e.innerText || e.tagName).trim(), left: r.left, top: r.top, right: r.right, bottom: r.bottom };
            });
            """;

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired NotificationService notifications;

    Browser browser;

    @BeforeAll
    static void chromiumInstalled() {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xiaodongmen01, unit-xiaodongmen", "bansongyuanlu01, unit-bansongyuanlu", "eval-establishment, evaluator-establishment",
            "office01, coordinator", "leader01, leader", "admin, camunda-admin"})
    void theHeaderWrapsOnAPhoneWithoutOverlapOrSidewaysScrolling(String user, String group) {
        // given a campaign in flight, listed on the home page, and more than 99 unread notifications (badge 99+);
        // not 外滩街道, whose open tasks the walkthrough counts in the Tasklist's first page
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("xiaodongmen", "bansongyuanlu"), List.of("ESTABLISHMENT")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        for (int i = 0; i < 100; i++) {
            notifications.notify(campaign.id(), group, Notification.Kind.MANUAL, "请尽快办理（" + i + "）",
                    "header-test-" + campaign.id() + "-" + i);
        }
        browser.login(user, "demo");

        for (int width : new int[] {PHONE_WIDTH, LANDSCAPE_WIDTH}) {
            // when the account opens 工作台 on a phone (and on one held sideways)
            ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", PHONE_HEIGHT, "deviceScaleFactor", 2, "mobile", true));
            browser.open("/app");
            browser.waitForText("工作台", "退出");
            assertThat(browser.js("return window.innerWidth")).isEqualTo((long) width);
            browser.screenshot("header-" + width + "-" + user + ".png");

            // then nothing scrolls sideways
            assertThat((Long) browser.js("return document.documentElement.scrollWidth")).as(width + " px: page width")
                    .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
            // and each piece of the header lies inside the window, on no other piece
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> boxes = (List<Map<String, Object>>) browser.js(HEADER_BOXES);
            assertThat(boxes).extracting(b -> b.get("what")).contains("黄浦区政务公开考核评估", "工作台", "待办任务", "退出")
                    .anySatisfy(what -> assertThat(what).asString().startsWith("通知").contains("99+"))
                    .anySatisfy(what -> assertThat(what).asString().startsWith("当前用户：" + user));
            for (Map<String, Object> box : boxes) {
                assertThat(number(box, "left")).as(width + " px: " + box + " inside the window").isGreaterThanOrEqualTo(0);
                assertThat(number(box, "right")).as(width + " px: " + box + " inside the window").isLessThanOrEqualTo(width);
            }
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    assertThat(overlap(boxes.get(i), boxes.get(j)))
                            .as(width + " px: " + boxes.get(i) + " overlaps " + boxes.get(j)).isFalse();
                }
            }
        }
        // and the header's links work on the phone: 通知 opens the notifications
        ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 2, "mobile", true));
        browser.open("/app");
        browser.click(By.id("nav-notifications"));
        browser.waitUntil("通知 opened", d -> browser.path().startsWith("/app/notifications") ? true : null);
    }

    private static double number(Map<String, Object> box, String side) {
        return ((Number) box.get(side)).doubleValue();
    }

    /** Whether two boxes share an area (touching edges do not count). */
    private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
        double width = Math.min(number(a, "right"), number(b, "right")) - Math.max(number(a, "left"), number(b, "left"));
        double height = Math.min(number(a, "bottom"), number(b, "bottom")) - Math.max(number(a, "top"), number(b, "top"));
        return width > 0.5 && height > 0.5;
    }
}
