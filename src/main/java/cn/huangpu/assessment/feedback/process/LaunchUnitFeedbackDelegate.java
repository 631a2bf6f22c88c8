package cn.huangpu.assessment.feedback.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts one UnitFeedback instance per unit of one batch of the window, each up to its 确认评估结果 task and its
 * deadline's timers, as the campaign's unit launch does. A retried job starts nothing twice: the launched flags
 * roll back with it.
 */
@Component
class LaunchUnitFeedbackDelegate implements JavaDelegate {

    private final FeedbackService feedback;
    private final CampaignService campaigns;
    private final RuntimeService runtimeService;
    private final ReferenceData referenceData;

    LaunchUnitFeedbackDelegate(FeedbackService feedback, CampaignService campaigns, RuntimeService runtimeService,
                               ReferenceData referenceData) {
        this.feedback = feedback;
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
        this.referenceData = referenceData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
        int windowNo = ((Number) execution.getVariable(UnitFeedbackProcess.WINDOW_NO)).intValue();
        int year = campaigns.get(campaignId).year();
        int batch = (Integer) execution.getVariable(CampaignProcess.LOOP_COUNTER);
        int batches = (Integer) execution.getVariable(CampaignProcess.NR_OF_INSTANCES);
        for (String unitCode : feedback.launchBatch(campaignId, windowNo, batch, batches)) {
            runtimeService.createProcessInstanceByKey(UnitFeedbackProcess.KEY)
                    .businessKey(UnitFeedbackProcess.businessKey(year, referenceData.unitName(unitCode)))
                    .setVariables(Variables.createVariables()
                            .putValue(CampaignProcess.CAMPAIGN_ID, campaignId)
                            .putValue(UnitAssessmentProcess.UNIT_CODE, unitCode)
                            .putValue(UnitAssessmentProcess.UNIT_GROUP, Groups.unit(unitCode))
                            .putValue(UnitFeedbackProcess.WINDOW_NO, windowNo)
                            .putValue(CampaignProcess.FEEDBACK_DUE, execution.getVariable(CampaignProcess.FEEDBACK_DUE))
                            .putValue(UnitFeedbackProcess.REMIND_DAYS, execution.getVariable(UnitFeedbackProcess.REMIND_DAYS)))
                    .execute();
        }
    }
}
