package cn.huangpu.assessment.linkcheck.process;

import cn.huangpu.assessment.linkcheck.LinkCheckService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The unit submitted: queue a check of every evidence link it gave. Fetching happens outside the process. */
@Component
class ScheduleLinkChecksDelegate implements JavaDelegate {

    private final LinkCheckService linkChecks;

    ScheduleLinkChecksDelegate(LinkCheckService linkChecks) {
        this.linkChecks = linkChecks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        linkChecks.schedule((Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID),
                (String) execution.getVariable(UnitAssessmentProcess.UNIT_CODE));
    }
}
