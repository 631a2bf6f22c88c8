package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.scoring.NumberRules;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.Deadlines;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A campaign started from the Tasklist start form: checks the form and saves the campaign, or refuses
 * the start with the reasons (HTTP 400 in the Tasklist). A campaign started through {@link CampaignStarter}
 * already has its id and passes through.
 */
@Component
class OpenCampaignListener implements ExecutionListener {

    private final CampaignService campaigns;

    OpenCampaignListener(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.hasVariable(CampaignProcess.CAMPAIGN_ID)) {
            return;
        }
        try {
            CampaignInfo campaign = campaigns.open(fromForm(execution), Actors.of(execution));
            campaigns.attachProcess(campaign.id(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey(CampaignProcess.businessKey(campaign.year()));
            execution.setVariables(CampaignStarter.processVariables(campaign));
            execution.setVariable(CampaignProcess.UNIT_BATCHES, campaigns.launchBatches(campaign.id()));
        } catch (BadInputException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }

    private static OpenCampaign fromForm(DelegateExecution execution) {
        return new OpenCampaign(
                integer(execution.getVariable(CampaignProcess.FORM_YEAR), "考评年度"),
                integer(execution.getVariable(CampaignProcess.FORM_CATALOGUE_YEAR), "指标目录年度"),
                date(execution, CampaignProcess.SELF_CHECK_DUE, "自查截止时间"),
                date(execution, CampaignProcess.SPECIALIST_DUE, "专项评估截止时间"),
                date(execution, CampaignProcess.COMPREHENSIVE_DUE, "综合评估截止时间"),
                date(execution, CampaignProcess.RESULTS_DUE, "结果审定截止时间"),
                lines(execution.getVariable(CampaignProcess.FORM_UNIT_CODES)),
                lines(execution.getVariable(CampaignProcess.FORM_EVALUATOR_CODES)));
    }

    private static Integer integer(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return NumberRules.typed(value.toString()).intValueExact();
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new BadUserRequestException("发起考评的输入有误：" + label + "：须为整数年度");
        }
    }

    private static Instant date(DelegateExecution execution, String field, String label) {
        try {
            return Deadlines.toInstant(execution.getVariable(field));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("发起考评的输入有误："
                    + BadInputException.describe(List.of(InputError.field(field, label, e.getMessage()))));
        }
    }

    private static List<String> lines(Object value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.toString().split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
    }
}
