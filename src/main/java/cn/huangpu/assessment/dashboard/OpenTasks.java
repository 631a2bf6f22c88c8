package cn.huangpu.assessment.dashboard;

import java.util.Optional;

/**
 * The Tasklist task an overdue unit or evaluator is asked to complete, so that a reminder links to it.
 * Implemented by the process glue ({@code dashboard.process}); empty when no such task is open.
 */
public interface OpenTasks {

    /** The unit's open 提交自查 task in the campaign. */
    Optional<String> selfCheck(Long campaignId, String unitCode);

    /** The evaluator's open 提交专项评估结果 task in the campaign. */
    Optional<String> evaluation(Long campaignId, String evaluatorCode);
}
