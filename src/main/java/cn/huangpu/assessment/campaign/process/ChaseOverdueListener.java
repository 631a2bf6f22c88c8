package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CompletionCheck;
import cn.huangpu.assessment.workflow.DeadlineVariables;
import cn.huangpu.assessment.workflow.Deadlines;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The office's decision on an overdue unit or evaluator: a choice, a reason, and for an extension a
 * new deadline after now and after the old one.
 */
@Component
class ChaseOverdueListener implements TaskListener, CompletionCheck {

    static final String CHASED_BY = "chasedBy";

    private final CampaignService campaigns;

    ChaseOverdueListener(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(UnitAssessmentProcess.CHASE, SpecialistEvaluationProcess.CHASE);
    }

    @Override
    public void check(Map<String, Object> variables) {
        newDue(variables);
    }

    /** Checks the decision and returns the new deadline of an extension (null when closing). */
    private Instant newDue(Map<String, Object> variables) {
        Object decision = variables.get(DeadlineVariables.CHASE_DECISION);
        Object reason = variables.get(DeadlineVariables.CHASE_REASON);
        if (!DeadlineVariables.EXTEND.equals(decision) && !DeadlineVariables.CLOSE.equals(decision)) {
            throw refused(DeadlineVariables.CHASE_DECISION, "处理方式", "请选择处理方式：延长期限，或按未提交关闭");
        }
        if (reason == null || reason.toString().isBlank()) {
            throw refused(DeadlineVariables.CHASE_REASON, "处理说明", "请填写处理说明");
        }
        if (!DeadlineVariables.EXTEND.equals(decision)) {
            return null;
        }
        Instant newDue;
        try {
            newDue = Deadlines.toInstant(variables.get(DeadlineVariables.NEW_DUE_DATE));
        } catch (IllegalArgumentException e) {
            throw refused(DeadlineVariables.NEW_DUE_DATE, "新的截止时间", e.getMessage());
        }
        campaigns.checkExtension(DeadlineSubject.of(variables).due(), newDue);
        return newDue;
    }

    private static BadInputException refused(String field, String label, String reason) {
        return new BadInputException("逾期处理有误", InputError.field(field, label, reason));
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            Instant newDue = newDue(task.getVariables());
            if (newDue != null) {
                task.setVariable(DeadlineVariables.NEW_DUE_DATE, Date.from(newDue));
            }
        } catch (BadInputException e) {
            throw new BadUserRequestException(BadInputException.describe(e.errors()));
        }
        task.setVariable(CHASED_BY, Actors.of(task));
    }
}
