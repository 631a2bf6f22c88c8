package cn.huangpu.assessment.register;

import static cn.huangpu.assessment.register.RegisterWorkbooks.row;
import static cn.huangpu.assessment.register.RegisterWorkbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The office's document register in real Chromium: a bad upload refused cell by cell, a good one taken, the figures
 * on the page, the late document and the missing number on the unit's sheet, and the page on a phone without
 * sideways scrolling. Screenshots go to target/screenshots/.
 */
@WebIntegrationTest
class RegisterBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;

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

    @Test
    void theOfficeUploadsTheRegisterAndTheSheetNamesTheDocuments() throws Exception {
        // given a campaign of 外滩街道 and the coordinator on its register page
        Long id = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        browser.login("office01", "demo");
        browser.open("/app/registers/" + id + "/waitan");
        browser.waitForText("外滩街道公文备案登记", "尚未登记");

        // when a register with a bad date and a 不予公开 document without its reason is uploaded
        upload(xlsx(List.of(
                row("黄府办发〔2023〕1号", "甲", "2023-13-01", "主动公开", null, "2023-03-02"),
                row("黄府办发〔2023〕2号", "乙", "2023-03-01", "不予公开", null, "2023-03-02"))));

        // then each bad cell is listed, and nothing is saved
        browser.waitForText("第2行 C列", "不是有效的日期", "第3行 E列", "不予公开的公文须写明不予公开的理由");
        assertThat(browser.bodyText()).contains("登记（0项）");
        browser.screenshot("register-refused.png");

        // when a good register is uploaded: No. 1 written 2023-09-22 and filed 2023-10-27, No. 2 missing, No. 3 in time
        upload(xlsx(List.of(
                row("黄府办发〔2023〕1号", "关于甲的通知", "2023-09-22", "主动公开", null, "2023-10-27"),
                row("黄府办发〔2023〕3号", "关于丙的通知", "2023-09-22", "不予公开", "涉及国家秘密", "2023-10-26"))));

        // then the page shows the register and its figures
        browser.waitForText("登记表已导入，共2行", "登记（2项）", "50%", "黄府办发〔2023〕1号：成文日期 2023-09-22", "漏号：黄府办发〔2023〕2号");
        browser.screenshot("register-figures.png");

        // and the unit's current sheet names the late document and the missing number under 4.1's lines
        browser.open("/app/comprehensive/" + id + "/waitan");
        String sheet = browser.waitForText("公文备案");
        assertThat(browser.driver().findElements(By.cssSelector("ol.explain-details li")))
                .extracting(e -> e.getText())
                .anyMatch(t -> t.startsWith("黄府办发〔2023〕1号：成文日期 2023-09-22，公开/备案日期 2023-10-27"))
                .contains("漏号：黄府办发〔2023〕2号");
        assertThat(sheet).doesNotContain("黄府办发〔2023〕3号：成文日期");

        // and on a phone the register page does not scroll sideways
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        browser.open("/app/registers/" + id + "/waitan");
        browser.waitForText("登记（2项）");
        assertThat(browser.js("return window.innerWidth")).isEqualTo(390L);
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
        browser.screenshot("register-phone.png");
    }

    /** Chooses the file and sends the upload form, answering the page's question (it replaces the register) with yes. */
    private void upload(byte[] workbook) throws Exception {
        Path file = Files.createTempFile("register-", ".xlsx");
        Files.write(file, workbook);
        browser.js("window.confirm = function () { return true; }");
        browser.driver().findElement(By.cssSelector("form.register-upload input[type=file]")).sendKeys(file.toString());
        browser.click(By.cssSelector("form.register-upload button[type=submit]"));
    }
}
