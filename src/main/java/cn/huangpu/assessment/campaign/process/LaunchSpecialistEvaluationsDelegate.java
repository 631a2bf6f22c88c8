package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.internal.CampaignSettings;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.RuntimeStatistics;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts one SpecialistEvaluation instance per participating evaluator. It runs once every unit is launched,
 * so it also refreshes the planner statistics of the task tables the launch filled (a campaign setting).
 */
@Component
class LaunchSpecialistEvaluationsDelegate implements JavaDelegate {

    private final CampaignService campaigns;
    private final RuntimeService runtimeService;
    private final RuntimeStatistics statistics;
    private final CampaignSettings settings;
    private final ReferenceData referenceData;

    LaunchSpecialistEvaluationsDelegate(CampaignService campaigns, RuntimeService runtimeService,
                                        RuntimeStatistics statistics, CampaignSettings settings,
                                        ReferenceData referenceData) {
        this.referenceData = referenceData;
        this.campaigns = campaigns;
        this.runtimeService = runtimeService;
        this.statistics = statistics;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
        int year = campaigns.get(campaignId).year();
        Map<String, String> names = referenceData.evaluatorNames();
        for (EvaluatorParticipation evaluator : campaigns.evaluators(campaignId)) {
            String code = evaluator.evaluatorCode();
            runtimeService.createProcessInstanceByKey(SpecialistEvaluationProcess.KEY)
                    .businessKey(SpecialistEvaluationProcess.businessKey(year, names.getOrDefault(code, code)))
                    .setVariables(Variables.createVariables()
                            .putValue(CampaignProcess.CAMPAIGN_ID, campaignId)
                            .putValue(SpecialistEvaluationProcess.EVALUATOR_CODE, evaluator.evaluatorCode())
                            .putValue(SpecialistEvaluationProcess.EVALUATOR_GROUP, Groups.evaluator(evaluator.evaluatorCode()))
                            .putValue(CampaignProcess.SPECIALIST_DUE, Date.from(evaluator.due())))
                    .execute();
        }
        if (settings.refreshStatisticsAfterLaunch()) {
            statistics.refresh();
        }
    }
}
