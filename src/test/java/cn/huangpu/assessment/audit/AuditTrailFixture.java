package cn.huangpu.assessment.audit;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.deadline.Deadline;
import cn.huangpu.assessment.deadline.DeadlineKind;
import cn.huangpu.assessment.deadline.DeadlineService;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.verification.VerificationService;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A campaign whose trail is written by the application's own writers, on two days in Asia/Shanghai, so that
 * every count a filter should give is known by construction:
 * <ul>
 *   <li>now: office01 opens the campaign (1 entry);</li>
 *   <li>{@link #firstDay} 10:00: eval-finance enters 1.4 for waitan sixty times (1 new, 59 changes) and
 *       office01 records a finding on waitan 1.1 (61 entries, all on waitan);</li>
 *   <li>{@link #secondDay} 00:30 (16:30 the day before in UTC): eval-finance enters 1.4 for czj three times,
 *       office01 enters 1.5 for czj and extends czj's self-check deadline (5 entries, all on czj).</li>
 * </ul>
 * yuyuan takes part and has no entry.
 */
record AuditTrailFixture(Long campaignId, int year, LocalDate firstDay, LocalDate secondDay) {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int ALL = 67;
    static final int WAITAN = 61;
    static final int WAITAN_FINANCE = 60;
    static final int CZJ = 5;
    static final int BY_EVAL_FINANCE = 63;
    static final int BY_OFFICE = 4;

    static AuditTrailFixture create(int year, CampaignService campaigns, EvaluationService evaluation,
                                    VerificationService verification, DeadlineService deadlines) {
        LocalDate firstDay = LocalDate.of(year, 3, 1);
        LocalDate secondDay = LocalDate.of(year, 3, 3);
        CampaignInfo campaign = campaigns.open(new OpenCampaign(year, 2023, null, null, null, null,
                List.of("waitan", "czj", "yuyuan"), List.of("FINANCE")), "office01");
        Long id = campaign.id();
        try {
            at(firstDay, 10, 0);
            for (int i = 0; i < 60; i++) {
                evaluation.record(id, "FINANCE", List.of(new FactEntry("waitan", "1.4", "missingLateOrIncompleteItems",
                        IntNode.valueOf(i), null)), false, "eval-finance");
            }
            verification.record(id, "waitan", new VerificationService.NewFinding("1.1", "missingOrStaleItems",
                    FindingKind.MISSING, "机构职能栏目缺少内设机构信息", null), "office01");
            at(secondDay, 0, 30);
            for (int i = 1; i <= 3; i++) {
                evaluation.record(id, "FINANCE", List.of(new FactEntry("czj", "1.4", "missingLateOrIncompleteItems",
                        IntNode.valueOf(i), null)), false, "eval-finance");
            }
            evaluation.record(id, "OFFICE", List.of(new FactEntry("czj", "1.5", "workPlanMissing", BooleanNode.TRUE,
                    "门户网站未见年度工作计划")), true, "office01");
            Instant due = campaigns.unit(id, "czj").due();
            deadlines.extend(new Deadline(DeadlineKind.SELF_CHECK, id, "czj", due), due.plusSeconds(7 * 24 * 3600),
                    "单位系统故障，申请延期", "office01");
        } finally {
            ClockUtil.reset();
        }
        return new AuditTrailFixture(id, year, firstDay, secondDay);
    }

    private static void at(LocalDate day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(day, LocalTime.of(hour, minute))
                .atZone(SHANGHAI).toInstant()));
    }

    String page() {
        return "/app/campaigns/" + campaignId + "/audit";
    }
}
