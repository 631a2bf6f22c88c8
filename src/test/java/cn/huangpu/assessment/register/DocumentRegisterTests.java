package cn.huangpu.assessment.register;

import static cn.huangpu.assessment.register.RegisterWorkbooks.row;
import static cn.huangpu.assessment.register.RegisterWorkbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.scoring.InvalidFactsException;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.web.InputError;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 4.1 公文备案 priced from the unit's document register, against the seed: 公开率未达到90%的扣0.5分,未达到80%的扣1分;
 * 存在公文发布(备案)超法定期限(20个工作日)的,扣1分; 备案不完整,每个漏号扣0.5分,最多扣1分. The expected points are
 * worked by hand from those words.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
class DocumentRegisterTests {

    static final String PREFIX = "黄府办发";

    @Autowired MockMvc mvc;
    @Autowired CampaignStarter starter;
    @Autowired CampaignScoring scoring;
    @Autowired EvaluationService evaluation;
    @Autowired RegisterService registers;
    @Autowired AuditLog audit;
    CampaignInfo campaign;

    @BeforeEach
    void openCampaign() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
    }

    /**
     * 1,000 documents numbered 1 to 1,002 without 7 (missing) and 9 (void); 799 主动公开, 150 依申请公开, 51 不予公开;
     * No. 5 written on Friday 2023-09-22 and filed on 2023-10-27, No. 6 written the same day and filed on 2023-10-26.
     * Across the National Day holiday (9-29 to 10-6 off, Saturday 10-7 and Sunday 10-8 worked) the 20th working day
     * after 9-22 is 10-26: No. 6 is in time, No. 5 a day late.
     */
    static List<List<String>> thousandDocuments() {
        List<List<String>> rows = new ArrayList<>();
        int proactive = 0;
        int onRequest = 0;
        for (int n = 1; n <= 1002; n++) {
            if (n == 7 || n == 9) {
                continue;
            }
            String attribute;
            String reason = null;
            if (proactive < 799) {
                attribute = "主动公开";
                proactive++;
            } else if (onRequest < 150) {
                attribute = "依申请公开";
                onRequest++;
            } else {
                attribute = "不予公开";
                reason = "涉及内部事务";
            }
            String written = n == 5 || n == 6 ? "2023-09-22" : "2023-03-01";
            String filed = n == 5 ? "2023-10-27" : n == 6 ? "2023-10-26" : "2023-03-10";
            rows.add(row(PREFIX + "〔2023〕" + n + "号", "关于第" + n + "项工作的通知", written, attribute, reason, filed));
        }
        return rows;
    }

    @Test
    void theRegistersFiguresPrice41AsTheSeedSays() throws Exception {
        // given No. 9 recorded as void and the thousand documents uploaded
        voidNumber("waitan", PREFIX + "〔2023〕9号", "印制错误，该号作废").andExpect(status().is3xxRedirection());
        upload("waitan", xlsx(thousandDocuments())).andExpect(status().is3xxRedirection());

        // when 外滩街道 is priced
        ScoreSheet.IndicatorScore score = scoring.currentSheet(campaign.id(), "waitan").indicator("4.1");

        // then 79.9% is below 80%: −1 (not also −0.5); one late filing: −1; one missing number (7; 9 is void): −0.5
        assertThat(score.basePart()).isEqualByComparingTo("0.5");
        assertThat(score.missingInputs()).isEmpty();
        ScoreSheet.Explanation rate = line(score, "公开率");
        assertThat(rate.input()).contains("79.9%");
        assertThat(rate.effect()).isEqualByComparingTo("-1");
        assertThat(rate.details()).singleElement().asString().contains("主动公开799件", "依申请公开150件", "不予公开51件");
        // and the sheet names the late document, not the one filed on its 20th working day
        ScoreSheet.Explanation late = line(score, "超法定期限");
        assertThat(late.effect()).isEqualByComparingTo("-1");
        assertThat(late.details()).singleElement().asString()
                .startsWith(PREFIX + "〔2023〕5号：").contains("2023-10-27", "期限 2023-10-26");
        // and the missing number by number, with the void one shown as not counted
        ScoreSheet.Explanation missing = line(score, "漏号");
        assertThat(missing.effect()).isEqualByComparingTo("-0.5");
        assertThat(missing.details()).contains("漏号：" + PREFIX + "〔2023〕7号")
                .noneMatch(d -> d.equals("漏号：" + PREFIX + "〔2023〕9号"))
                .anyMatch(d -> d.startsWith("作废号（不计漏号）：" + PREFIX + "〔2023〕9号"));
        // and the unit's own sheet page lists them
        mvc.perform(get("/app/results/" + campaign.id() + "/waitan").with(httpBasic("office01", "demo")))
                .andExpect(status().isOk());
    }

    @Test
    void withoutTheVoidNumberBothGapsCountAndTheDeductionStopsAtItsCap() throws Exception {
        // given the same thousand documents, but No. 9 not recorded as void
        upload("waitan", xlsx(thousandDocuments())).andExpect(status().is3xxRedirection());

        // when priced
        ScoreSheet.IndicatorScore score = scoring.currentSheet(campaign.id(), "waitan").indicator("4.1");

        // then two gaps, 2 × 0.5 = 1 (at the cap): 3 − 1 − 1 − 1 = 0
        assertThat(line(score, "漏号").details()).contains("漏号：" + PREFIX + "〔2023〕7号", "漏号：" + PREFIX + "〔2023〕9号");
        assertThat(score.basePart()).isEqualByComparingTo("0");
    }

    @Test
    void aBadRegisterIsRefusedCellByCellAndNothingIsSaved() throws Exception {
        // given a register of two documents
        upload("waitan", xlsx(List.of(
                row(PREFIX + "〔2023〕1号", "甲", "2023-03-01", "主动公开", null, "2023-03-02"),
                row(PREFIX + "〔2023〕2号", "乙", "2023-03-01", "主动公开", null, "2023-03-02"))))
                .andExpect(status().is3xxRedirection());

        // when a register with good rows and bad cells is uploaded
        String body = upload("waitan", xlsx(List.of(
                row(PREFIX + "〔2023〕1号", "好的一行", "2023-03-01", "主动公开", null, "2023-03-02"),
                row("黄府办发2023年3号", "文号无法识别", "2023-03-01", "主动公开", null, "2023-03-02"),
                row(PREFIX + "〔2023〕4号", "日期无效", "2023-02-30", "主动公开", null, "2023-03-02"),
                row(PREFIX + "〔2023〕5号", "不予公开无理由", "2023-03-01", "不予公开", null, "2023-03-02"),
                row(PREFIX + "〔2023〕6号", "备案早于成文", "2023-03-05", "主动公开", null, "2023-03-02"),
                row(PREFIX + "〔2023〕8号", "属性无效", "2023-03-01", "公开", null, "2023-03-02"),
                row(PREFIX + "〔2023〕1号", "文号重复", "2023-03-01", "主动公开", null, "2023-03-02"))))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        // then every bad cell is named by row, column and reason
        assertThat(body).contains("第3行 A列", "无法识别", "第4行 C列", "不是有效的日期", "第5行 E列", "不予公开的公文须写明不予公开的理由",
                "第6行 F列", "早于成文日期", "第7行 D列", "公开属性“公开”无效");
        // and nothing of it is saved: the two documents stay
        assertThat(registers.rows(campaign.id(), "waitan", Register.DOCUMENTS)).extracting(r -> r.entry().title())
                .containsExactly("甲", "乙");

        // and a file whose only fault is a number twice names both rows, and saves nothing either
        upload("waitan", xlsx(List.of(
                row(PREFIX + "〔2023〕1号", "丙", "2023-03-01", "主动公开", null, "2023-03-02"),
                row(PREFIX + "[2023]1号", "丁", "2023-03-01", "主动公开", null, "2023-03-02"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("文号 " + PREFIX + "〔2023〕1号 重复，与第2行相同")));
        assertThat(registers.rows(campaign.id(), "waitan", Register.DOCUMENTS)).hasSize(2);
    }

    @Test
    void aFileThatIsNoWorkbookOrHasOtherHeadersIsRefused() throws Exception {
        upload("waitan", "not a workbook".getBytes()).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("无法读取该文件")));
        byte[] otherHeaders;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            workbook.createSheet("公文备案登记").createRow(0).createCell(0).setCellValue("编号");
            workbook.write(out);
            otherHeaders = out.toByteArray();
        }
        upload("waitan", otherHeaders).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("表头应为“文号”，实为“编号”")));
    }

    @Test
    void theOfficeOverridesAFigureOnlyWithAReasonAndTheChangeIsAudited() throws Exception {
        // given a register with one late filing
        upload("waitan", xlsx(List.of(
                row(PREFIX + "〔2023〕1号", "甲", "2023-09-22", "主动公开", null, "2023-10-27")))).andExpect(status().is3xxRedirection());
        assertThat(line(scoring.currentSheet(campaign.id(), "waitan").indicator("4.1"), "超法定期限").effect())
                .isEqualByComparingTo("-1");
        var zero = JsonNodeFactory.instance.numberNode(0);

        // when the office sets lateFilings to 0 without a reason, then it is refused
        assertThatThrownBy(() -> evaluation.record(campaign.id(), "OFFICE",
                List.of(new FactEntry("waitan", "4.1", "lateFilings", zero, null)), false, "office01"))
                .isInstanceOf(InvalidFactsException.class)
                .satisfies(e -> assertThat(((InvalidFactsException) e).errors()).extracting(InputError::reason)
                        .containsExactly("外滩街道：该项按登记计算，改定须写明理由"));

        // when it does so with a reason
        evaluation.record(campaign.id(), "OFFICE",
                List.of(new FactEntry("waitan", "4.1", "lateFilings", zero, "经核实系系统故障延迟，已按时报送")), false, "office01");

        // then the override prices, the sheet says so beside the register's figure, and the trail has the reason
        ScoreSheet.Explanation late = line(scoring.currentSheet(campaign.id(), "waitan").indicator("4.1"), "超法定期限");
        assertThat(late.effect()).isEqualByComparingTo("0");
        assertThat(late.details().get(0)).isEqualTo("区政府办公室改定，理由：经核实系系统故障延迟，已按时报送（按登记计算为 1）");
        assertThat(audit.forCampaign(campaign.id())).anySatisfy(entry -> {
            assertThat(entry.getSubject()).isEqualTo("unit_fact waitan 4.1 lateFilings");
            assertThat(entry.getReason()).isEqualTo("经核实系系统故障延迟，已按时报送");
        });
    }

    @Test
    void aYearWithoutHolidaysEnteredIsRefusedNotGuessed() throws Exception {
        // given a document of 2027, a year whose State Council notice is not entered
        upload("waitan", xlsx(List.of(
                row(PREFIX + "〔2027〕1号", "甲", "2027-03-01", "主动公开", null, "2027-03-10")))).andExpect(status().is3xxRedirection());

        // when priced, then late filings are not computed (missing, with the reason), and no round can be recorded
        ScoreSheet.IndicatorScore score = scoring.currentSheet(campaign.id(), "waitan").indicator("4.1");
        assertThat(score.missingInputs()).contains("公文发布(备案)超法定期限(20个工作日)的件数");
        assertThat(line(score, "超法定期限").details()).anyMatch(d -> d.contains("2027年节假日安排尚未录入"));
        assertThat(scoring.invalidValues(campaign.id())).extracting(InputError::reason)
                .anyMatch(r -> r.startsWith("外滩街道：无法按工作日判断1件公文是否逾期") && r.contains("2027年节假日安排尚未录入"));
    }

    @Test
    void voidNumbersNeedAReasonAndCannotBeRegisteredDocuments() throws Exception {
        upload("waitan", xlsx(List.of(
                row(PREFIX + "〔2023〕1号", "甲", "2023-03-01", "主动公开", null, "2023-03-02")))).andExpect(status().is3xxRedirection());

        voidNumber("waitan", PREFIX + "〔2023〕2号", " ").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("须写明作废的理由")));
        voidNumber("waitan", PREFIX + "(2023)1号", "重复").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("文号 " + PREFIX + "〔2023〕1号 已登记为公文")));
        voidNumber("waitan", "第二号", "无").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("无法识别")));
        assertThat(registers.voidNumbers(campaign.id(), "waitan", Register.DOCUMENTS)).isEmpty();
    }

    @Test
    void aVoidNumberLongerThanItsColumnIsRefusedNamingTheField() throws Exception {
        // given 100,000 characters typed as the void number (the column holds 100)
        String typed = "黄府办发".repeat(25_000);

        // when the office records it, then it is refused with 400 naming the field (the page, not a 500)
        voidNumber("waitan", typed, "编号作废").andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("作废号过长")));
        // and nothing is saved
        assertThat(registers.voidNumbers(campaign.id(), "waitan", Register.DOCUMENTS)).isEmpty();
    }

    @Test
    void anOverlongDisclosureOrDateTypedIntoTheRowFormIsQuotedCutNamingTheColumn() throws Exception {
        // given 100,000 characters typed as the row's 公开属性, and as its date
        String typed = "主动公开".repeat(25_000);
        String today = "2023-03-01";

        // when the office adds the row, then each is refused with 400 naming the column, not a 500
        addRow(PREFIX + "〔2023〕3号", "乙", today, typed, today).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("公开属性“主动公开")))
                .andExpect(content().string(Matchers.containsString("无效")));
        addRow(PREFIX + "〔2023〕3号", "乙", typed, "主动公开", today).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("不是有效的日期")));
        // and nothing is saved
        assertThat(registers.rows(campaign.id(), "waitan", Register.DOCUMENTS)).isEmpty();
    }

    @Test
    void onlyTheOfficeWritesRegistersLeadersReadAndUnitsDoNotOpenThem() throws Exception {
        String page = "/app/registers/" + campaign.id() + "/waitan";
        mvc.perform(get(page).with(httpBasic("office01", "demo"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("外滩街道公文备案登记")));
        mvc.perform(get(page).with(httpBasic("leader01", "demo"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("导入登记表"))));
        mvc.perform(get(page).with(httpBasic("waitan01", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get(page + "/template.xlsx").with(httpBasic("eval-finance", "demo"))).andExpect(status().isForbidden());
        mvc.perform(multipart(page + "/upload").file(new MockMultipartFile("file", "r.xlsx", null, xlsx(List.of())))
                .with(httpBasic("leader01", "demo")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/app/registers/" + campaign.id() + "/xiaodongmen").with(httpBasic("office01", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTemplateCarriesTheRegisterSoFarAndUploadsBackUnchanged() throws Exception {
        // given a register entered row by row on the page
        mvc.perform(post("/app/registers/" + campaign.id() + "/waitan/rows").with(httpBasic("office01", "demo")).with(csrf())
                        .param("register", "documents").param("c0", PREFIX + "［2023］3号").param("c1", "关于甲的通知")
                        .param("c2", "2023-03-01").param("c3", "不予公开").param("c4", "涉及国家秘密").param("c5", "2023-03-02"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/app/registers/" + campaign.id() + "/waitan/rows").with(httpBasic("office01", "demo")).with(csrf())
                        .param("c0", PREFIX + "〔2023〕3号").param("c1", "重复").param("c2", "2023-03-01").param("c3", "主动公开")
                        .param("c5", "2023-03-02"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("已在登记中")));

        // when its template is downloaded and uploaded as it is
        byte[] template = mvc.perform(get("/app/registers/" + campaign.id() + "/waitan/template.xlsx")
                .with(httpBasic("office01", "demo"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        upload("waitan", template).andExpect(status().is3xxRedirection());

        // then the register is the same, its number written with 〔〕
        assertThat(registers.rows(campaign.id(), "waitan", Register.DOCUMENTS)).singleElement()
                .satisfies(r -> assertThat(r.entry()).isEqualTo(new RegisterEntry(PREFIX + "〔2023〕3号", "关于甲的通知",
                        java.time.LocalDate.of(2023, 3, 1), Disclosure.WITHHELD, "涉及国家秘密", java.time.LocalDate.of(2023, 3, 2))));
    }

    private static ScoreSheet.Explanation line(ScoreSheet.IndicatorScore score, String criterion) {
        return score.explanation().stream().filter(e -> e.criterion().contains(criterion)).findFirst().orElseThrow();
    }

    private ResultActions upload(String unit, byte[] file) throws Exception {
        return mvc.perform(multipart("/app/registers/" + campaign.id() + "/" + unit + "/upload")
                .file(new MockMultipartFile("file", "登记.xlsx", null, file))
                .with(httpBasic("office01", "demo")).with(csrf()));
    }

    /** The page's 新增一行 form of the document register (columns c0 to c5: 文号, 标题, 成文日期, 公开属性, 理由, 报送日期). */
    private ResultActions addRow(String number, String title, String written, String attribute, String filed)
            throws Exception {
        return mvc.perform(post("/app/registers/" + campaign.id() + "/waitan/rows")
                .param("register", "documents").param("c0", number).param("c1", title).param("c2", written)
                .param("c3", attribute).param("c4", "").param("c5", filed)
                .with(httpBasic("office01", "demo")).with(csrf()));
    }

    private ResultActions voidNumber(String unit, String number, String reason) throws Exception {
        return mvc.perform(post("/app/registers/" + campaign.id() + "/" + unit + "/void-numbers")
                .param("register", "documents").param("number", number).param("reason", reason)
                .with(httpBasic("office01", "demo")).with(csrf()));
    }
}
