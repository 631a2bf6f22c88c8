package cn.huangpu.assessment.comprehensive.process;

import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.CompletionCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Comprehensive evaluation is not completed while a stored value is one that today's rules refuse (saved
 * before every number had a range): the next scoring round would refuse to record results from it, so the
 * office is told now, in the Tasklist, which values to correct.
 */
@Component
class ComprehensiveEvaluationCheck implements CompletionCheck {

    private final CampaignScoring scoring;

    ComprehensiveEvaluationCheck(CampaignScoring scoring) {
        this.scoring = scoring;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(CampaignProcess.COMPREHENSIVE_EVALUATION);
    }

    @Override
    public void check(Map<String, Object> variables) {
        List<InputError> invalid = scoring.invalidValues((Long) variables.get(CampaignProcess.CAMPAIGN_ID));
        if (!invalid.isEmpty()) {
            throw new BadInputException("有已保存的值无效，请先在综合评估或专项评估页面改正（共" + invalid.size() + "项）",
                    invalid.subList(0, Math.min(10, invalid.size())));
        }
    }
}
