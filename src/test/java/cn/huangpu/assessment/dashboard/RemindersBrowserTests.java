package cn.huangpu.assessment.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one-click reminder in real Chromium: it asks first, a double click sends one request, with the
 * button disabled while it is under way, and one reminder is recorded (the server's own guarantee for
 * the same form sent twice is {@link RemindersTests}).
 */
@WebIntegrationTest
class RemindersBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired NotificationService notifications;

    Browser browser;

    @BeforeAll
    static void chromiumInstalled() {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
    }

    @AfterEach
    void close() {
        ClockUtil.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void reminderDoubleClickSendsOnce() {
        // given a campaign past its self-check deadline, 豫园街道 overdue, on the coordinator's dashboard
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        ClockUtil.setCurrentTime(Date.from(campaign.dates().selfCheckDue().plusSeconds(3600)));
        driver.runJobs();
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        browser.login("office01", "demo");
        browser.open("/app/campaigns/" + id + "/dashboard");
        By row = By.cssSelector("#overdue tr#overdue-units-yuyuan");
        assertThat(browser.visible(row).findElements(By.cssSelector(".reminded"))).isEmpty();

        // the page's own requests are counted as htmx sends them, with the button's state at that moment
        browser.js("window.sends = []; document.addEventListener('htmx:beforeSend', e => window.sends.push("
                + "e.detail.elt.querySelector('button').disabled));");

        // when the coordinator double-clicks 一键提醒 and accepts the confirmation
        WebElement button = browser.clickable(By.cssSelector("#overdue-units-yuyuan form.remind button"));
        assertThat(button.getText()).isEqualTo("一键提醒");
        browser.scrollIntoView(button);
        new Actions(browser.driver()).doubleClick(button).perform();
        Alert confirmation = browser.waitUntil("the confirmation", ExpectedConditions.alertIsPresent());
        assertThat(confirmation.getText()).contains("确定提醒豫园街道");
        confirmation.accept();

        // then the row says when the reminder went out, no second confirmation came, and one reminder exists
        String reminded = browser.waitUntil("已提醒 in the row", d -> d.findElements(
                        By.cssSelector("#overdue-units-yuyuan .reminded")).stream().map(WebElement::getText)
                .filter(t -> !t.isBlank()).findFirst().orElse(null));
        assertThat(ExpectedConditions.alertIsPresent().apply(browser.driver())).isNull();
        assertThat(browser.js("return window.sends")).as("requests sent, and whether the button was disabled then")
                .isEqualTo(List.of(true));
        List<Notification> sent = notifications.forCampaign(id).stream()
                .filter(n -> n.getKind() == Notification.Kind.MANUAL).toList();
        assertThat(sent).hasSize(1).first().extracting(Notification::getRecipientGroup).isEqualTo(Groups.unit("yuyuan"));
        assertThat(reminded).isEqualTo("已提醒 " + HH_MM.format(sent.get(0).getCreatedAt()));
        assertThat(browser.driver().findElement(By.cssSelector("#overdue-units-yuyuan form.remind button")).isEnabled())
                .isTrue();
        browser.screenshot("dashboard-reminded.png");
    }
}
