package cn.huangpu.assessment.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.deadline.DeadlineService;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.verification.VerificationService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The coordinator's audit trail: filters by unit, indicator, actor and day combine and are counted in the
 * database, fifty rows a page; the export holds every matching row in the page's Chinese words; bad filters
 * are refused in Chinese.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
class AuditTrailTests {

    private static final Pattern TOTAL = Pattern.compile("data-total=\"(\\d+)\"");
    private static final Pattern CELL = Pattern.compile("<td data-label=\"([^\"]*)\">(.*?)</td>", Pattern.DOTALL);

    @Autowired MockMvc mvc;
    @Autowired CampaignService campaigns;
    @Autowired EvaluationService evaluation;
    @Autowired VerificationService verification;
    @Autowired DeadlineService deadlines;

    AuditTrailFixture trail;

    @BeforeEach
    void writeTrail() {
        trail = AuditTrailFixture.create(TestUsers.freshYear(), campaigns, evaluation, verification, deadlines);
    }

    @Test
    void filtersCombineAndAreCountedWholeAcrossPages() throws Exception {
        // when the coordinator filters, then each filter and each combination counts exactly its entries
        assertThat(page("").total()).isEqualTo(AuditTrailFixture.ALL);
        assertThat(page("?unit=waitan").total()).isEqualTo(AuditTrailFixture.WAITAN);
        assertThat(page("?unit=czj").total()).isEqualTo(AuditTrailFixture.CZJ);
        assertThat(page("?unit=yuyuan").total()).isZero();
        assertThat(page("?indicator=1.4").total()).isEqualTo(AuditTrailFixture.WAITAN_FINANCE + 3);
        assertThat(page("?unit=waitan&indicator=1.4").total()).isEqualTo(AuditTrailFixture.WAITAN_FINANCE);
        assertThat(page("?unit=waitan&indicator=1.1").total()).isOne();
        assertThat(page("?actor=eval-finance").total()).isEqualTo(AuditTrailFixture.BY_EVAL_FINANCE);
        assertThat(page("?actor=office01").total()).isEqualTo(AuditTrailFixture.BY_OFFICE);
        assertThat(page("?unit=czj&actor=office01").total()).isEqualTo(2);

        // and days are the office's (Asia/Shanghai): 00:30 on the second day is 16:30 the day before in UTC
        String first = trail.firstDay().toString();
        String second = trail.secondDay().toString();
        assertThat(page("?from=" + first + "&to=" + first).total()).isEqualTo(AuditTrailFixture.WAITAN);
        assertThat(page("?from=" + second + "&to=" + second).total()).isEqualTo(AuditTrailFixture.CZJ);
        assertThat(page("?from=" + trail.firstDay().plusDays(1) + "&to=" + trail.firstDay().plusDays(1)).total()).isZero();
        assertThat(page("?from=" + first).total()).isEqualTo(AuditTrailFixture.WAITAN + AuditTrailFixture.CZJ);
        assertThat(page("?unit=waitan&actor=eval-finance&from=" + first + "&to=" + second).total())
                .isEqualTo(AuditTrailFixture.WAITAN_FINANCE);

        // and a page holds at most fifty rows: 61 entries of waitan are 50 and 11, each shown once
        Page one = page("?unit=waitan");
        Page two = page("?unit=waitan&page=2");
        assertThat(one.rows()).hasSize(50);
        assertThat(two.rows()).hasSize(AuditTrailFixture.WAITAN - 50);
        assertThat(one.body()).contains("第 1 / 2 页").contains("page=2");
        assertThat(one.rows()).extracting(r -> r.get(2)).containsOnly("外滩街道");
        assertThat(two.rows()).extracting(r -> r.get(2)).containsOnly("外滩街道");
        List<String> values = new ArrayList<>();
        one.rows().forEach(r -> values.add(r.get(4) + r.get(7)));
        two.rows().forEach(r -> values.add(r.get(4) + r.get(7)));
        assertThat(values).doesNotHaveDuplicates();
    }

    @Test
    void entriesReadInChineseAsThePagesShowThem() throws Exception {
        // when the coordinator reads czj's entries and waitan's finding
        Page czj = page("?unit=czj");
        Page finding = page("?unit=waitan&indicator=1.1");
        Page newest = page("?unit=waitan&indicator=1.4");

        // then units, indicators, objects, actions and values are words, not codes
        assertThat(czj.rows()).anySatisfy(r -> assertThat(r).containsExactly(trail.secondDay() + " 00:30", "office01",
                "区财政局", "1.5 年度工作执行情况", "综合评估：未发布年度工作计划", "新增", "", "是", "门户网站未见年度工作计划"));
        assertThat(czj.rows()).anySatisfy(r -> assertThat(r).containsExactly(trail.secondDay() + " 00:30", "office01",
                "区财政局", "", "自查截止时间", "延期", trail.year() + "-11-20 23:59", trail.year() + "-11-27 23:59",
                "单位系统故障，申请延期"));
        assertThat(czj.rows()).anySatisfy(r -> assertThat(r).containsExactly(trail.secondDay() + " 00:30", "eval-finance",
                "区财政局", "1.4 财政预决算", "专项评估结果：财政预决算信息应公开未公开、发布不及时或存在内容缺漏的项数", "修改", "2", "3", ""));
        assertThat(finding.rows()).singleElement().satisfies(r -> assertThat(r).containsExactly(
                trail.firstDay() + " 10:00", "office01", "外滩街道", "1.1 机构职能信息",
                "核查发现：机构职能信息应公开未公开或更新不及时的项数", "新增", "", "应公开未公开：机构职能栏目缺少内设机构信息", ""));
        assertThat(newest.rows().get(0)).containsSequence("修改", "58", "59");
        List<List<String>> oldest = page("?unit=waitan&indicator=1.4&page=2").rows();
        assertThat(oldest.get(oldest.size() - 1)).containsSequence("新增", "", "0");
        Page opened = page("?actor=office01&to=" + trail.firstDay().minusDays(1));
        assertThat(opened.rows()).singleElement().satisfies(r -> assertThat(r.subList(4, 6)).containsExactly("考评", "发起"));

        // and no raw code of the writers is left on the page
        String all = page("").body() + page("?page=2").body();
        for (String code : List.of("unit_fact", "finding waitan", "missingOrStaleItems", "SET", "CHANGE", "ADD", "EXTEND",
                "self_check_due", ">true<", "\"score\"")) {
            assertThat(all).as(code).doesNotContain(code);
        }
    }

    @Test
    void theExportHoldsEveryMatchingRowInThePagesWords() throws Exception {
        // when the coordinator exports waitan's entries (more than one page of them)
        MockHttpServletResponse response = mvc.perform(get(trail.page() + "/export.xlsx?unit=waitan")
                .with(httpBasic("office01", "demo"))).andReturn().getResponse();

        // then it is a workbook with the Chinese headers and all 61 rows, as the two pages show them
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment").contains(".xlsx");
        List<List<String>> shown = new ArrayList<>(page("?unit=waitan").rows());
        shown.addAll(page("?unit=waitan&page=2").rows());
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet("审计记录");
            assertThat(cells(sheet.getRow(0))).containsExactly("时间", "操作人", "单位", "指标", "对象", "动作", "变动前", "变动后", "理由");
            assertThat(sheet.getLastRowNum()).isEqualTo(AuditTrailFixture.WAITAN);
            List<List<String>> exported = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                exported.add(cells(sheet.getRow(r)));
            }
            assertThat(exported).isEqualTo(shown);
            assertThat(workbook.getSheet("说明").getRow(1).getCell(0).getStringCellValue()).isEqualTo("筛选条件　单位：外滩街道");
        }

        // and the filters of the export are those of the page
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(mvc.perform(
                get(trail.page() + "/export.xlsx?unit=czj&actor=office01").with(httpBasic("office01", "demo")))
                .andReturn().getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheet("审计记录");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(cells(sheet.getRow(1)).subList(1, 3)).containsExactly("office01", "区财政局");
        }
    }

    @Test
    void badFiltersAreRefusedInChineseAndNothingIsShown() throws Exception {
        // when filters cannot be read, then the page answers 400 with the reason, for the page and the export
        assertRefused("?from=2026-13-40", "起始日期“2026-13-40”不是有效的日期");
        assertRefused("?to=2026-02-30", "截止日期“2026-02-30”不是有效的日期");
        assertRefused("?from=2026-03-02&to=2026-03-01", "截止日期（2026-03-01）不能早于起始日期（2026-03-02）");
        assertRefused("?unit=nosuch", "单位“nosuch”未参加本次考评");
        assertRefused("?indicator=9.9", "2023年度指标目录中没有指标“9.9”");
        assertRefused("?page=-1", "页码“-1”不对");
        assertRefused("?page=1e9", "页码“1e9”不对");
        assertRefused("?page=0", "页码“0”不对");
        assertRefused("?page=99999999999", "页码“99999999999”不对");
        assertRefused("?page=1000000000", "没有第1000000000页：符合条件的记录共67条，2页");
        assertRefused("?actor=" + "x".repeat(65), "操作人不能超过64个字符");
        MockHttpServletResponse export = mvc.perform(get(trail.page() + "/export.xlsx?from=2026-13-40")
                .with(httpBasic("office01", "demo"))).andReturn().getResponse();
        assertThat(export.getStatus()).isEqualTo(400);
        assertThat(export.getContentAsString(StandardCharsets.UTF_8)).contains("起始日期“2026-13-40”不是有效的日期");
    }

    @Test
    void onlyTheCoordinatorReadsOrExportsTheTrail() throws Exception {
        // when a leader or a unit asks, then it is refused
        for (String user : List.of("leader01", "waitan01", "eval-finance")) {
            assertThat(mvc.perform(get(trail.page()).with(httpBasic(user, "demo"))).andReturn().getResponse().getStatus())
                    .as(user).isEqualTo(403);
            assertThat(mvc.perform(get(trail.page() + "/export.xlsx").with(httpBasic(user, "demo"))).andReturn()
                    .getResponse().getStatus()).as(user).isEqualTo(403);
        }
    }

    @Test
    void anUnknownCampaignHasNoTrail() throws Exception {
        // when the coordinator asks for the trail of a campaign that does not exist, then it is not found
        for (String path : List.of("/app/campaigns/987654/audit", "/app/campaigns/987654/audit/export.xlsx")) {
            assertThat(mvc.perform(get(path).with(httpBasic("office01", "demo"))).andReturn().getResponse().getStatus())
                    .as(path).isEqualTo(404);
        }
    }

    private void assertRefused(String query, String reason) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(trail.page() + query).with(httpBasic("office01", "demo")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(query).isEqualTo(400);
        String body = HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body).as(query).contains("筛选条件有误").contains(reason).doesNotContain("data-label=");
    }

    /** The page as the coordinator gets it: the total it states and its rows' cells. */
    private Page page(String query) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(trail.page() + query).with(httpBasic("office01", "demo")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(query).isEqualTo(200);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        Matcher total = TOTAL.matcher(body);
        assertThat(total.find()).as("total on " + query).isTrue();
        List<List<String>> rows = new ArrayList<>();
        Matcher cell = CELL.matcher(body);
        List<String> row = new ArrayList<>();
        while (cell.find()) {
            row.add(HtmlUtils.htmlUnescape(cell.group(2)));
            if (row.size() == 9) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        return new Page(Long.parseLong(total.group(1)), rows, HtmlUtils.htmlUnescape(body));
    }

    private static List<String> cells(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < 9; c++) {
            cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
        }
        return cells;
    }

    private record Page(long total, List<List<String>> rows, String body) {
    }
}
