package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A file over the request-size limit is refused by the page before it is sent, with the reason: the server
 * would answer it unread and close the connection under a browser still sending.
 */
@WebIntegrationTest
class UploadSizeBrowserTests {

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired SelfCheckService selfChecks;
    Browser browser;
    Path big;

    @BeforeAll
    static void chromiumInstalled() {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (big != null) {
            Files.deleteIfExists(big);
        }
    }

    @Test
    void aFileOverTheRequestLimitIsRefusedBeforeItIsSent() throws Exception {
        // given a unit's self-check page and a 13 MB file, over the 12 MB an upload may be
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        big = Files.createTempFile("big-", ".pdf");
        Files.write(big, new byte[13 * 1024 * 1024]);
        browser = new Browser("http://localhost:" + port, PagesByRoleBrowserTests.SCREENSHOTS);
        browser.login("waitan01", "demo");
        browser.open("/app/self-check/" + campaign.id() + "/waitan");

        // when the file is chosen for 1.1 and its row's upload clicked
        WebElement field = browser.driver().findElement(By.cssSelector("input[type=file][name='file[1.1]']"));
        field.sendKeys(big.toAbsolutePath().toString());
        browser.click(By.xpath("//tr[@id='i-1.1']//button[normalize-space()='上传']"));

        // then the field says why, the page stays, and nothing was uploaded
        assertThat(browser.js("return arguments[0].validationMessage;", field))
                .isEqualTo("文件过大（13.0MB），单个文件不超过10MB");
        assertThat(browser.path()).isEqualTo("/app/self-check/" + campaign.id() + "/waitan");
        assertThat(selfChecks.files(campaign.id(), "waitan")).isEmpty();
    }
}
