package cn.huangpu.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.Workbooks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two staff of one evaluator on its grid and its spreadsheet: a save or an upload made on a value someone else
 * changed since it was loaded is refused with 409 and the Chinese reason, saves nothing, and loses nothing.
 */
@WebIntegrationTest
class EvaluationConflictTests {

    static final String WAITAN = "waitan|1.4/missingLateOrIncompleteItems";
    static final String YUYUAN = "yuyuan|1.4/missingLateOrIncompleteItems";

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired EvaluationService evaluation;
    @Autowired IdentityService identityService;
    Long campaign;
    String grid;

    @BeforeEach
    void openCampaignWithASecondStaffOfTheEvaluator() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        grid = "/app/evaluation/" + campaign + "/FINANCE";
        if (identityService.createUserQuery().userId("eval-finance2").count() == 0) {
            User second = identityService.newUser("eval-finance2");
            second.setPassword("demo");
            identityService.saveUser(second);
            identityService.createMembership("eval-finance2", Groups.evaluator("FINANCE"));
        }
    }

    @Test
    void aSaveOnAValueAColleagueChangedIsRefusedAndBothValuesAreKept() throws Exception {
        // given 外滩街道's 1.4 entered once, and both staff with the grid open at that version
        WebSession first = WebSession.login(port, "eval-finance");
        WebSession second = WebSession.login(port, "eval-finance2");
        assertThat(first.post(grid, Map.of("v[" + WAITAN + "]", "1", "ver[" + WAITAN + "]", "0")).statusCode())
                .isEqualTo(302);
        String seenByFirst = first.get(grid).body();
        String seenBySecond = second.get(grid).body();
        assertThat(version(seenBySecond, WAITAN)).isEqualTo(version(seenByFirst, WAITAN))
                .isEqualTo(String.valueOf(stored(WAITAN).version()));

        // when the first changes it to 2, then the second changes it to 3 and enters 豫园街道's
        assertThat(first.post(grid, Map.of("v[" + WAITAN + "]", "2", "ver[" + WAITAN + "]", version(seenByFirst, WAITAN)))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> refused = second.post(grid, Map.of(
                "v[" + WAITAN + "]", "3", "ver[" + WAITAN + "]", version(seenBySecond, WAITAN),
                "v[" + YUYUAN + "]", "5", "ver[" + YUYUAN + "]", version(seenBySecond, YUYUAN)));

        // then the second is refused in Chinese and nothing of its save is stored
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains(EditConflictException.TITLE).contains("外滩街道：已由 eval-finance 于");
        assertThat(stored(WAITAN).valueJson()).isEqualTo("2");
        assertThat(evaluation.facts(campaign).get("yuyuan")).isNull();
        // and the grid shows the first's value at its version, the second's beside it, and 豫园街道's as typed
        assertThat(input(refused.body(), WAITAN)).isEqualTo("2");
        assertThat(version(refused.body(), WAITAN)).isEqualTo(String.valueOf(stored(WAITAN).version()));
        assertThat(refused.body()).contains("您填写的（未保存）：3");
        assertThat(input(refused.body(), YUYUAN)).isEqualTo("5");
    }

    @Test
    void anUploadOfATemplateDownloadedBeforeAColleaguesChangeIsRefusedAndSavesNothing() throws Exception {
        // given 外滩街道's 1.4 entered, a template downloaded, then the value changed on the grid by a colleague
        WebSession first = WebSession.login(port, "eval-finance");
        WebSession second = WebSession.login(port, "eval-finance2");
        first.post(grid, Map.of("v[" + WAITAN + "]", "2", "ver[" + WAITAN + "]", "0"));
        Workbook template = download(first);
        String seen = second.get(grid).body();
        assertThat(second.post(grid, Map.of("v[" + WAITAN + "]", "4", "ver[" + WAITAN + "]", version(seen, WAITAN)))
                .statusCode()).isEqualTo(302);

        // when the template is filled in (豫园街道: 7; 外滩街道 still says 2) and uploaded
        Sheet sheet = template.getSheet("专项评估");
        int column = column(sheet, "1.4");
        row(sheet, "yuyuan").createCell(column).setCellValue(7);
        HttpResponse<String> refused = first.upload(grid + "/upload", Map.of(), "filled.xlsx", bytes(template));

        // then it is refused in Chinese, naming the cell, and nothing of it is saved
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains(EditConflictException.TITLE).contains("第" + (row(sheet, "waitan").getRowNum() + 1)
                + "行 " + Workbooks.column(column) + "列");
        assertThat(stored(WAITAN).valueJson()).isEqualTo("4");
        assertThat(evaluation.facts(campaign).get("yuyuan")).isNull();

        // when a template downloaded now is filled in the same way and uploaded
        Workbook fresh = download(first);
        Sheet freshSheet = fresh.getSheet("专项评估");
        row(freshSheet, "yuyuan").createCell(column).setCellValue(7);
        HttpResponse<String> saved = first.upload(grid + "/upload", Map.of(), "filled.xlsx", bytes(fresh));

        // then it is saved and the colleague's value stays
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(stored(YUYUAN).valueJson()).isEqualTo("7");
        assertThat(stored(WAITAN).valueJson()).isEqualTo("4");
    }

    private StoredFact stored(String cell) {
        String[] parts = cell.split("\\|");
        return evaluation.facts(campaign).get(parts[0]).get(parts[1]);
    }

    private Workbook download(WebSession session) throws Exception {
        HttpResponse<byte[]> file = session.getBytes(grid + "/template.xlsx");
        assertThat(file.statusCode()).isEqualTo(200);
        return WorkbookFactory.create(new ByteArrayInputStream(file.body()));
    }

    private static byte[] bytes(Workbook workbook) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static int column(Sheet sheet, String indicator) {
        for (var cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().startsWith(indicator + " ")) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column for " + indicator);
    }

    private static Row row(Sheet sheet, String unit) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(unit)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unit);
    }

    static String version(String page, String cell) {
        return find(page, "name=\"ver\\[" + Pattern.quote(cell) + "\\]\" value=\"(\\d+)\"");
    }

    static String input(String page, String cell) {
        return find(page, "name=\"v\\[" + Pattern.quote(cell) + "\\]\"[^>]*value=\"([^\"]*)\"");
    }

    private static String find(String page, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }
}
