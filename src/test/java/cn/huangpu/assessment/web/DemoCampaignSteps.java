package cn.huangpu.assessment.web;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;

/**
 * The demo campaign (of the current year) taken from mid-flight to its later states, as its people would: every
 * input in (scored, in comprehensive evaluation), approved, published.
 */
record DemoCampaignSteps(CampaignService campaigns, CampaignBots bots, ProcessDriver driver) {

    Long demoCampaign() {
        CampaignInfo demo = campaigns.all().stream()
                .filter(c -> c.year() == LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()).findFirst().orElseThrow();
        return demo.id();
    }

    /** The overdue units closed, the missing evaluators delivered, the submitted units verified: scored. */
    void allInputsIn(Long id, Random random) {
        for (UnitParticipation unit : campaigns.units(id)) {
            if (unit.status() == UnitParticipation.Status.PENDING) {
                bots.chase(id, unit.unitCode(), Map.of(DeadlineProcess.CHASE_DECISION, "CLOSE", DeadlineProcess.CHASE_REASON, "逾期未提交，按已有材料评分"));
            } else if (unit.status() == UnitParticipation.Status.SUBMITTED) {
                bots.verify(id, unit.unitCode(), random);
            }
            driver.runJobs();
        }
        for (EvaluatorParticipation evaluator : campaigns.evaluators(id)) {
            if (evaluator.status() == EvaluatorParticipation.Status.PENDING) {
                bots.deliver(id, evaluator.evaluatorCode(), random);
                driver.runJobs();
            }
        }
        driver.runJobs();
    }

    /** Comprehensive evaluation done and the grades approved; the results not yet published. */
    void approve(Long id, Random random) {
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        bots.approve(id);
        driver.runJobsExcept(CampaignProcess.PUBLISH_RESULTS);
    }

    void publish(Long id) {
        driver.runJobs();
    }
}
