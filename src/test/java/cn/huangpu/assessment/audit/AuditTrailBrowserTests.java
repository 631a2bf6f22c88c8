package cn.huangpu.assessment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.deadline.DeadlineService;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.support.Browser;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.verification.VerificationService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit trail in real Chromium as the coordinator uses it: filter by unit, page on, narrow to an actor,
 * export what is shown and open the file; then the same page on a phone 390 px wide, without sideways
 * scrolling. Screenshots go to target/screenshots/.
 */
@WebIntegrationTest
class AuditTrailBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort int port;
    @Autowired CampaignService campaigns;
    @Autowired EvaluationService evaluation;
    @Autowired VerificationService verification;
    @Autowired DeadlineService deadlines;

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
    void theCoordinatorFiltersByUnitAndActorExportsWhatSheSeesAndReadsItOnAPhone() throws Exception {
        AuditTrailFixture trail = AuditTrailFixture.create(TestUsers.freshYear(), campaigns, evaluation, verification, deadlines);
        browser = new Browser("http://localhost:" + port, SCREENSHOTS);
        Path downloads = Files.createTempDirectory("audit-export-");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        browser.login("office01", "demo");
        browser.open(trail.page());
        browser.waitForText("审计记录", "全部记录");
        assertThat(total()).isEqualTo(AuditTrailFixture.ALL);

        // when she filters by unit, then only waitan's entries are counted, fifty on the first page
        choose("unit", "外滩街道");
        filter("unit=waitan");
        assertThat(total()).isEqualTo(AuditTrailFixture.WAITAN);
        assertThat(column("单位")).hasSize(50).containsOnly("外滩街道");
        browser.screenshot("audit-unit.png");
        browser.click(By.linkText("下一页"));
        browser.waitUntil("page 2", d -> d.getCurrentUrl().contains("page=2") ? true : null);
        assertThat(column("单位")).hasSize(AuditTrailFixture.WAITAN - 50).containsOnly("外滩街道");

        // and narrowed to an actor as well, then only that actor's entry on that unit is left
        choose("actor", "office01");
        filter("actor=office01");
        assertThat(browser.path()).contains("unit=waitan").doesNotContain("page=");
        assertThat(total()).isOne();
        assertThat(column("操作人")).containsExactly("office01");
        assertThat(column("对象")).containsExactly("核查发现：机构职能信息应公开未公开或更新不及时的项数");

        // when she filters by actor alone and exports, then the file holds exactly the rows the page counts
        choose("unit", "全部单位");
        choose("actor", "eval-finance");
        filter("actor=eval-finance");
        assertThat(browser.path()).doesNotContain("unit=waitan");
        assertThat(total()).isEqualTo(AuditTrailFixture.BY_EVAL_FINANCE);
        List<String> firstShown = row(0);
        browser.click(By.id("audit-export"));
        Path file = browser.waitUntil("the export downloaded", Duration.ofSeconds(30), d -> downloaded(downloads));
        try (Workbook workbook = WorkbookFactory.create(file.toFile())) {
            Sheet sheet = workbook.getSheet("审计记录");
            assertThat(cells(sheet.getRow(0))).containsExactly("时间", "操作人", "单位", "指标", "对象", "动作", "变动前", "变动后", "理由");
            assertThat(sheet.getLastRowNum()).isEqualTo(AuditTrailFixture.BY_EVAL_FINANCE);
            assertThat(cells(sheet.getRow(1))).isEqualTo(firstShown);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo("eval-finance");
            }
        }

        // when the page is read on a phone 390 px wide, then nothing scrolls sideways and each value keeps its header
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        browser.open(trail.page() + "?unit=waitan");
        browser.waitForText("符合筛选条件的记录");
        assertThat(browser.js("return window.innerWidth")).isEqualTo(390L);
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
        WebElement unitCell = browser.driver().findElement(By.cssSelector("#audit tbody tr td[data-label='单位']"));
        assertThat(browser.js("return getComputedStyle(arguments[0], '::before').content", unitCell)).asString().contains("单位");
        assertThat(unitCell.getRect().getX() + unitCell.getRect().getWidth()).isLessThanOrEqualTo(390);
        assertThat(browser.driver().findElement(By.id("audit-filters")).getRect().getWidth()).isLessThanOrEqualTo(390);
        browser.screenshot("audit-phone.png");
        browser.open(trail.page() + "?from=2026-13-40");
        browser.waitForText("筛选条件有误", "起始日期“2026-13-40”不是有效的日期");
        assertThat((Long) browser.js("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo((Long) browser.js("return window.innerWidth"));
    }

    private void choose(String filter, String label) {
        new Select(browser.visible(By.cssSelector("#audit-filters select[name='" + filter + "']"))).selectByVisibleText(label);
    }

    private void filter(String expected) {
        browser.click(By.cssSelector("#audit-filters button[type=submit]"));
        browser.waitUntil("filtered by " + expected, d -> d.getCurrentUrl().contains(expected) ? true : null);
        browser.waitForText("符合筛选条件的记录");
    }

    private long total() {
        return Long.parseLong(browser.visible(By.id("audit-total")).getAttribute("data-total"));
    }

    private List<String> column(String header) {
        return browser.driver().findElements(By.cssSelector("#audit tbody td[data-label='" + header + "']")).stream()
                .map(WebElement::getText).toList();
    }

    private List<String> row(int index) {
        WebElement row = browser.driver().findElements(By.cssSelector("#audit tbody tr")).get(index);
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private static Path downloaded(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> cells(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < 9; c++) {
            cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
        }
        return cells;
    }
}
