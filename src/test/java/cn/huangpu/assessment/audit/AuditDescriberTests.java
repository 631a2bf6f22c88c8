package cn.huangpu.assessment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.audit.internal.AuditEntry;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every shape of entry the application writes (see the callers of {@link AuditLog}), in words: one row per
 * shape with the subject, action and values as recorded, and the object, action and values people read.
 */
@H2IntegrationTest
class AuditDescriberTests {

    @Autowired CampaignService campaigns;
    @Autowired AuditScopes scopes;
    @Autowired AuditDescriber describer;

    /** What a writer records, and what the trail shows of it: unit, indicator, object, action, before, after. */
    record Shape(String subject, String action, String before, String after, List<String> shown) {
        Shape(String subject, String action, String before, String after, String... shown) {
            this(subject, action, before, after, List.of(shown));
        }
    }

    static final List<Shape> SHAPES = List.of(
            // CampaignService
            new Shape("campaign 7", "OPEN", null, "自查截止 2030年11月20日 23:59；专项评估截止 2030年11月20日 23:59",
                    "", "", "考评", "发起", "", "自查截止 2030-11-20 23:59；专项评估截止 2030-11-20 23:59"),
            new Shape("campaign 7", "APPROVE", "GRADING", "APPROVED", "", "", "考核结果", "审定", "综合评估中", "已审定"),
            new Shape("campaign 7", "APPROVE", "REOPENED", "APPROVED", "", "", "考核结果", "审定", "已重新打开", "已审定"),
            new Shape("campaign 7", "PUBLISH", "APPROVED", "PUBLISHED", "", "", "考核结果", "公布", "已审定", "已公布"),
            new Shape("campaign 7", "REOPEN", "PUBLISHED", "REOPENED", "", "", "考核结果", "重新打开", "已公布", "已重新打开"),
            new Shape("unit waitan", "SELF_CHECK_SUBMITTED", null, null, "外滩街道", "", "自查", "提交", "", "已提交待核查"),
            new Shape("unit waitan", "VERIFIED", null, null, "外滩街道", "", "网上核查", "核查", "", "已核查"),
            new Shape("unit waitan", "CLOSED_NOT_SUBMITTED", null, null, "外滩街道", "", "自查", "关闭", "", "逾期未提交（已关闭）"),
            new Shape("unit waitan self_check_due", "EXTEND", "2030年11月20日 23:59", "2030年12月1日 09:00",
                    "外滩街道", "", "自查截止时间", "延期", "2030-11-20 23:59", "2030-12-01 09:00"),
            new Shape("evaluator FINANCE", "DELIVERED", null, null, "区财政局", "", "专项评估结果", "提交", "", "已提交"),
            new Shape("evaluator FINANCE", "CLOSED_NOT_SUBMITTED", null, null, "区财政局", "", "专项评估结果", "关闭", "",
                    "逾期未提交（已关闭）"),
            new Shape("evaluator FINANCE specialist_due", "EXTEND", "2030年11月20日 23:59", "2030年11月27日 23:59",
                    "区财政局", "", "专项评估截止时间", "延期", "2030-11-20 23:59", "2030-11-27 23:59"),
            // ApproveGradesListener
            new Shape("campaign 7", "SEND_BACK", null, null, "", "", "考核结果", "退回", "", ""),
            // VerificationService
            new Shape("finding waitan 1.1 missingOrStaleItems", "ADD", null, "应公开未公开：未公开办公地址",
                    "外滩街道", "1.1 机构职能信息", "核查发现：机构职能信息应公开未公开或更新不及时的项数", "新增", "",
                    "应公开未公开：未公开办公地址"),
            new Shape("finding waitan 1.1", "ADD", null, "“不涉及”不成立：有相关职能", "外滩街道", "1.1 机构职能信息", "核查发现",
                    "新增", "", "“不涉及”不成立：有相关职能"),
            new Shape("finding waitan 1.1", "REMOVE", "应公开未公开：未公开办公地址", null, "外滩街道", "1.1 机构职能信息",
                    "核查发现", "删除", "应公开未公开：未公开办公地址", ""),
            // LinkCheckService
            new Shape("link_check waitan 1.1 https://www.shhuangpu.gov.cn/zw/waitan/1.1", "REJECT_PROPOSAL",
                    "断链：HTTP 404", null, "外滩街道", "1.1 机构职能信息",
                    "链接检查建议：https://www.shhuangpu.gov.cn/zw/waitan/1.1", "驳回", "断链：HTTP 404", ""),
            // EvaluationService: every input type, by an evaluator and by the office
            new Shape("unit_fact waitan 1.4 missingLateOrIncompleteItems", "SET", null, "2", "外滩街道", "1.4 财政预决算",
                    "专项评估结果：财政预决算信息应公开未公开、发布不及时或存在内容缺漏的项数", "新增", "", "2"),
            new Shape("unit_fact waitan 1.5 workPlanMissing", "CHANGE", "true", "false", "外滩街道", "1.5 年度工作执行情况",
                    "综合评估：未发布年度工作计划", "修改", "是", "否"),
            new Shape("unit_fact waitan 1.2 powerListReview", "CLEAR", "{\"score\":1.50,\"reason\":\"清单未按时更新\"}", null,
                    "外滩街道", "1.2 行政许可和其他对外管理服务信息、行政处罚强制信息", "专项评估结果：权责清单梳理情况视情扣减的分值", "删除", "1.5分（理由：清单未按时更新）", ""),
            new Shape("unit_fact waitan 4.1 disclosureRate", "CHANGE", "0.8", "0.925", "外滩街道", "4.1 公文备案",
                    "综合评估：公文主动公开率", "修改", "80%", "92.5%"),
            new Shape("unit_fact waitan 3.5 openMonthActivity", "SET", null, "\"DIVERSE\"", "外滩街道", "3.5 政府开放月",
                    "综合评估：政府开放月活动组织情况", "新增", "", "形式多样、内容丰富"),
            new Shape("unit_fact waitan 4.6 annualReportPublishedOn", "SET", null, "\"2023-01-18\"", "外滩街道",
                    "4.6 及时集中发布年度报告", "综合评估：本单位政府信息公开年度报告发布日期", "新增", "", "2023-01-18"),
            // NotInvolvedService
            new Shape("not_involved waitan 4.12", "REQUEST", "涉及", "申请按“不涉及此项工作”计分", "外滩街道", "4.12 依申请办理流程",
                    "“不涉及”申报", "单位申请更改", "涉及", "申请按“不涉及此项工作”计分"),
            new Shape("not_involved waitan 4.12", "GRANT", "涉及", "不涉及（区政府办公室认定）", "外滩街道", "4.12 依申请办理流程",
                    "“不涉及”申报", "认定不涉及", "涉及", "不涉及（区政府办公室认定）"),
            new Shape("not_involved waitan 3.4", "GRANT_REQUEST", "不涉及（单位申报）", "涉及（单位已撤回“不涉及”）", "外滩街道",
                    "3.4 中国政府网转办留言办理质量管理", "“不涉及”更改申请", "同意", "不涉及（单位申报）", "涉及（单位已撤回“不涉及”）"),
            new Shape("not_involved waitan 4.12", "REFUSE_REQUEST", "涉及", "不同意按“不涉及此项工作”计分", "外滩街道",
                    "4.12 依申请办理流程", "“不涉及”更改申请", "不同意", "涉及", "不同意按“不涉及此项工作”计分"),
            new Shape("not_involved waitan 4.12", "REVOKE", "不涉及（区政府办公室认定）", "涉及", "外滩街道", "4.12 依申请办理流程",
                    "“不涉及”认定", "撤销", "不涉及（区政府办公室认定）", "涉及"),
            // CampaignScoring
            new Shape("score waitan", "SCORE_ROUND_1", null, "88.50 良好", "外滩街道", "", "得分和等次", "第1轮评分", "",
                    "88.5分，良好"),
            new Shape("score waitan", "SCORE_ROUND_2", "88.50 良好", "90.00 优秀", "外滩街道", "", "得分和等次", "第2轮评分",
                    "88.5分，良好", "90分，优秀"),
            // a shape nobody writes yet is shown as recorded rather than dropped
            new Shape("report 7", "ARCHIVE", "a", "b", "", "", "report 7", "ARCHIVE", "a", "b"));

    @Test
    void everyShapeTheWritersRecordReadsInChinese() {
        // given a campaign's scope, with the statuses' own labels
        AuditScope scope = scopes.of(campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), "office01").id());
        AuditDescriber.Wording wording = describer.wording(scope);

        // when each shape is described, then it reads as the table says
        List<String> wrong = new ArrayList<>();
        for (Shape shape : SHAPES) {
            AuditRow row = wording.describe(new AuditEntry(1L, scope.campaignId(), shape.subject(), shape.action(),
                    shape.before(), shape.after(), null, "office01", Instant.parse("2030-03-02T16:30:00Z")));
            List<String> shown = row.cells().subList(2, 8);
            if (!shown.equals(shape.shown())) {
                wrong.add(shape.subject() + " " + shape.action() + ": " + shown);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void timesAreTheOfficesAndTheSystemIsNamed() {
        // given a campaign's scope
        AuditScope scope = scopes.of(campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), "office01").id());

        // when scoring's entry at 16:30 UTC is described
        AuditRow row = describer.wording(scope).describe(new AuditEntry(1L, scope.campaignId(), "score waitan",
                "SCORE_ROUND_1", null, "90.00 优秀", null, "system", Instant.parse("2030-03-02T16:30:00Z")));

        // then it is 00:30 the next day in Shanghai, by the system
        assertThat(row.at()).isEqualTo("2030-03-03 00:30");
        assertThat(row.actor()).isEqualTo("系统（自动）");
    }
}
