package cn.huangpu.assessment.evaluation.process;

import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.CompletionCheck;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Marks the evaluator's results delivered when its task completes; incomplete results are refused. */
@Component
class DeliverEvaluationListener implements TaskListener, CompletionCheck {

    private final EvaluationService evaluation;

    DeliverEvaluationListener(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(SpecialistEvaluationProcess.DELIVER);
    }

    @Override
    public void check(Map<String, Object> variables) {
        List<InputError> missing = evaluation.missing((Long) variables.get(CampaignProcess.CAMPAIGN_ID),
                (String) variables.get(SpecialistEvaluationProcess.EVALUATOR_CODE));
        if (!missing.isEmpty()) {
            throw new BadInputException("评估结果尚未录入完整（共" + missing.size() + "项）",
                    missing.subList(0, Math.min(10, missing.size())));
        }
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            evaluation.deliver((Long) task.getVariable(CampaignProcess.CAMPAIGN_ID),
                    (String) task.getVariable(SpecialistEvaluationProcess.EVALUATOR_CODE), Actors.of(task));
        } catch (BadInputException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
