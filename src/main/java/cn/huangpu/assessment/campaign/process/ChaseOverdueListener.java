package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.DeadlineVariables;
import cn.huangpu.assessment.workflow.Deadlines;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks the office's decision on an overdue unit or evaluator before the chase task completes: a
 * choice, a reason, and for an extension a new deadline after now and after the old one. Refusals
 * answer HTTP 400 in the Tasklist and leave the task open.
 */
@Component
class ChaseOverdueListener implements TaskListener {

    static final String CHASED_BY = "chasedBy";

    private final CampaignService campaigns;

    ChaseOverdueListener(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(DeadlineVariables.CHASE_DECISION);
        Object reason = task.getVariable(DeadlineVariables.CHASE_REASON);
        if (!DeadlineVariables.EXTEND.equals(decision) && !DeadlineVariables.CLOSE.equals(decision)) {
            throw new BadUserRequestException("请选择处理方式：延长期限，或按未提交关闭");
        }
        if (reason == null || reason.toString().isBlank()) {
            throw new BadUserRequestException("请填写处理说明");
        }
        if (DeadlineVariables.EXTEND.equals(decision)) {
            DeadlineSubject subject = DeadlineSubject.of(task);
            try {
                Instant newDue = Deadlines.toInstant(task.getVariable(DeadlineVariables.NEW_DUE_DATE));
                campaigns.checkExtension(subject.due(), newDue);
                task.setVariable(DeadlineVariables.NEW_DUE_DATE, Date.from(newDue));
            } catch (IllegalArgumentException | BadInputException e) {
                throw new BadUserRequestException(e instanceof BadInputException bad
                        ? BadInputException.describe(bad.errors()) : "新的截止时间：" + e.getMessage());
            }
        }
        task.setVariable(CHASED_BY, Actors.of(task));
    }
}
