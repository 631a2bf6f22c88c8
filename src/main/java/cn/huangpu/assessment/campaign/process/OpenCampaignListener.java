package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.WorkingDaysAfter;
import cn.huangpu.assessment.scoring.NumberRules;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.Deadlines;
import cn.huangpu.assessment.workflow.StartForm;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * A campaign started from the Tasklist start form: checks the form and saves the campaign, or refuses
 * the start with the reasons (HTTP 400 in the Tasklist). Each date is given as a date and time, or in working days
 * after another date of the form or after a given day. A campaign started through {@link CampaignStarter}
 * already has its id and passes through.
 */
@Component
class OpenCampaignListener implements ExecutionListener {

    /** The date fields of the start form, with their labels. */
    private static final Map<String, String> DATES = new LinkedHashMap<>();

    static {
        DATES.put(CampaignProcess.SELF_CHECK_DUE, "自查截止时间");
        DATES.put(CampaignProcess.SPECIALIST_DUE, "专项评估截止时间");
        DATES.put(CampaignProcess.COMPREHENSIVE_DUE, "综合评估截止时间");
        DATES.put(CampaignProcess.RESULTS_DUE, "结果审定截止时间");
    }

    private final CampaignService campaigns;

    OpenCampaignListener(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.hasVariable(CampaignProcess.CAMPAIGN_ID)) {
            requireOpenedForThisStart(execution.getVariable(CampaignProcess.CAMPAIGN_ID));
            return;
        }
        StartForm.check(execution, "发起考评的输入有误：", CampaignProcess.INITIATOR);
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

    /**
     * A campaign id given with the start is {@link CampaignStarter}'s: the campaign it opened in the same
     * transaction, which has no process until the starter attaches this one. Any other (a start through the REST
     * API naming a campaign that already runs, or none) is refused: it would launch a campaign's units twice.
     */
    private void requireOpenedForThisStart(Object campaignId) {
        boolean opened = campaignId instanceof Long id
                && campaigns.find(id).filter(campaign -> campaign.processInstanceId() == null).isPresent();
        if (!opened) {
            throw new BadUserRequestException("发起考评的输入有误：考评编号由系统在开启考评时给出，不能在发起时指定");
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
                lines(execution.getVariable(CampaignProcess.FORM_EVALUATOR_CODES)),
                inWorkingDays(execution));
    }

    /** The form's dates given in working days, by date field; their form fields are not kept as variables. */
    private static Map<String, WorkingDaysAfter> inWorkingDays(DelegateExecution execution) {
        Map<String, WorkingDaysAfter> rules = new LinkedHashMap<>();
        for (String date : DATES.keySet()) {
            Object by = execution.getVariable(date + CampaignProcess.FORM_DATE_BY);
            Object days = execution.getVariable(date + CampaignProcess.FORM_DATE_WORKING_DAYS);
            Object after = execution.getVariable(date + CampaignProcess.FORM_DATE_AFTER);
            Object afterDate = execution.getVariable(date + CampaignProcess.FORM_DATE_AFTER_DATE);
            for (String suffix : List.of(CampaignProcess.FORM_DATE_BY, CampaignProcess.FORM_DATE_WORKING_DAYS,
                    CampaignProcess.FORM_DATE_AFTER, CampaignProcess.FORM_DATE_AFTER_DATE)) {
                execution.removeVariable(date + suffix);
            }
            if (!CampaignProcess.FORM_BY_WORKING_DAYS.equals(by)) {
                continue;
            }
            String from = CampaignProcess.FORM_AFTER_GIVEN_DATE.equals(after) ? text(afterDate) : text(after);
            rules.put(date, new WorkingDaysAfter(days(days, DATES.get(date)), from));
        }
        return rules;
    }

    /** A number of working days from the form; a fraction or a number beyond int is refused here, as the year is. */
    private static Integer days(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return NumberRules.typed(value.toString()).intValueExact();
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new BadUserRequestException("发起考评的输入有误：" + label + "：工作日数须为整数");
        }
    }

    /** A form value as text: a date field's day ("2026-10-08"), a select's value. */
    private static String text(Object value) {
        return value == null ? null : value.toString().strip();
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
