package cn.huangpu.assessment.comprehensive.process;

import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.CompletionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Comprehensive evaluation is not completed while a stored value is one that today's rules refuse (saved
 * before every number had a range): the next scoring round would refuse to record results from it, so the
 * office is told now, in the Tasklist, which values to correct. Nor while an input is missing that nobody decided
 * to price as missing (no silent zeros): each is listed with its unit, indicator, input and who enters it, until it
 * is entered or the office marks it 按缺失计分 with a reason on the unit's comprehensive-evaluation page.
 */
@Component
class ComprehensiveEvaluationCheck implements CompletionCheck {

    /** The most missing inputs the refusal lists one a line; the unit pages list them all. */
    static final int LISTED = 100;

    private final CampaignScoring scoring;
    private final ReferenceData referenceData;

    ComprehensiveEvaluationCheck(CampaignScoring scoring, ReferenceData referenceData) {
        this.scoring = scoring;
        this.referenceData = referenceData;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(CampaignProcess.COMPREHENSIVE_EVALUATION);
    }

    @Override
    public void check(Map<String, Object> variables) {
        Long campaignId = (Long) variables.get(CampaignProcess.CAMPAIGN_ID);
        List<InputError> invalid = scoring.invalidValues(campaignId);
        if (!invalid.isEmpty()) {
            throw new BadInputException("有已保存的值无效，请先在综合评估或专项评估页面改正（共" + invalid.size() + "项）",
                    invalid.subList(0, Math.min(10, invalid.size())));
        }
        List<CampaignScoring.Outstanding> outstanding = scoring.outstanding(campaignId);
        if (!outstanding.isEmpty()) {
            Map<String, String> names = referenceData.unitNames();
            List<InputError> listed = new ArrayList<>(outstanding.stream().limit(LISTED)
                    .map(o -> o.asError(names.getOrDefault(o.unitCode(), o.unitCode()))).toList());
            if (outstanding.size() > LISTED) {
                listed.add(InputError.field(null, "……另有 " + (outstanding.size() - LISTED) + " 项，见综合评估页面各单位的“尚未录入的输入”"));
            }
            throw new BadInputException("有输入尚未录入，不能完成综合评估（共" + outstanding.size()
                    + "项）：请录入，或在该单位的综合评估页面写明理由按缺失计分", listed);
        }
    }
}
