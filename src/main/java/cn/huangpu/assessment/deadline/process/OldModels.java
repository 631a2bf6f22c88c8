package cn.huangpu.assessment.deadline.process;

import cn.huangpu.assessment.deadline.DeadlineKind;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/**
 * The deadline block as the first release modelled it, inside UnitAssessment and SpecialistEvaluation
 * (boundary timers on the work task, the chase in the same instance, the task reopened on an extension).
 * Instances started on those versions keep running on them after an upgrade, and their models call the
 * same beans ({@code sendReminderDelegate}, {@code markOverdueDelegate}, {@code chaseOverdueListener},
 * {@code extendDeadlineDelegate}, {@code closeSelfCheckDelegate}, {@code closeEvaluationDelegate}); this
 * class reads such an instance's deadline. Delete it, with {@link OldModelBeanNames}, once no instance of
 * those versions runs (Cockpit: UnitAssessment and SpecialistEvaluation versions without a Deadline call).
 */
final class OldModels {

    /** The chase tasks of the old versions; the new one is in processes/Deadline.bpmn. */
    static final Set<String> CHASE_TASKS = Set.of("UserTask_ChaseSelfCheck", "UserTask_ChaseEvaluation");

    private static final Map<String, DeadlineKind> KIND_BY_PROCESS = Map.of(
            UnitAssessmentProcess.KEY, DeadlineKind.SELF_CHECK,
            SpecialistEvaluationProcess.KEY, DeadlineKind.SPECIALIST_EVALUATION);

    private OldModels() {
    }

    static DeadlineKind kind(String processDefinitionKey) {
        DeadlineKind kind = KIND_BY_PROCESS.get(processDefinitionKey);
        if (kind == null) {
            throw new IllegalStateException("No deadline in process " + processDefinitionKey);
        }
        return kind;
    }

    static String codeVariable(DeadlineKind kind) {
        return switch (kind) {
            case SELF_CHECK -> UnitAssessmentProcess.UNIT_CODE;
            case SPECIALIST_EVALUATION -> SpecialistEvaluationProcess.EVALUATOR_CODE;
            case RECTIFICATION, FEEDBACK -> throw notInOldModels(kind);
        };
    }

    /** The variable the old model's task due date and timers read, which an extension moves. */
    static String dueVariable(DeadlineKind kind) {
        return switch (kind) {
            case SELF_CHECK -> CampaignProcess.SELF_CHECK_DUE;
            case SPECIALIST_EVALUATION -> CampaignProcess.SPECIALIST_DUE;
            case RECTIFICATION, FEEDBACK -> throw notInOldModels(kind);
        };
    }

    static String workTask(DeadlineKind kind) {
        return switch (kind) {
            case SELF_CHECK -> UnitAssessmentProcess.SUBMIT_SELF_CHECK;
            case SPECIALIST_EVALUATION -> SpecialistEvaluationProcess.DELIVER;
            case RECTIFICATION, FEEDBACK -> throw notInOldModels(kind);
        };
    }

    /** A kind that came after the first release never runs on its models. */
    private static IllegalStateException notInOldModels(DeadlineKind kind) {
        return new IllegalStateException("No deadline of kind " + kind + " in the first release's models");
    }

    /**
     * The deadline of an old chase task from its variables alone (a completion check sees no process key):
     * a unit's instance holds the self-check deadline, an evaluator's the specialist one, never both.
     */
    static Date due(Map<String, Object> variables) {
        Object selfCheckDue = variables.get(CampaignProcess.SELF_CHECK_DUE);
        return (Date) (selfCheckDue != null ? selfCheckDue : variables.get(CampaignProcess.SPECIALIST_DUE));
    }
}
