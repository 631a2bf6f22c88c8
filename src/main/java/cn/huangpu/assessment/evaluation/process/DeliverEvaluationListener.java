package cn.huangpu.assessment.evaluation.process;

import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.workflow.Actors;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Marks the evaluator's results delivered when its task completes; incomplete results are refused (HTTP 400). */
@Component
class DeliverEvaluationListener implements TaskListener {

    private final EvaluationService evaluation;

    DeliverEvaluationListener(EvaluationService evaluation) {
        this.evaluation = evaluation;
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
