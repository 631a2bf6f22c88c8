package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names a new task after the unit or evaluator it is about ("网上核查：外滩街道"), so that the office's
 * task list of sixty units reads at a glance.
 */
@Component
class NameTaskListener implements TaskListener {

    private final ReferenceData referenceData;

    NameTaskListener(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @Override
    public void notify(DelegateTask task) {
        String unitCode = (String) task.getVariable(UnitAssessmentProcess.UNIT_CODE);
        String evaluatorCode = (String) task.getVariable(SpecialistEvaluationProcess.EVALUATOR_CODE);
        String subject = unitCode != null
                ? referenceData.unitName(unitCode)
                : evaluatorCode != null ? referenceData.evaluatorName(evaluatorCode)
                : null;
        if (subject != null) {
            task.setName(task.getName() + "：" + subject);
        }
    }
}
