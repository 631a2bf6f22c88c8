package cn.huangpu.assessment.feedback;

import cn.huangpu.assessment.results.ReviewNotes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The feedback window's outcome as the results pages and sheets show it. */
@Component
@Transactional(readOnly = true)
class FeedbackReviewNotes implements ReviewNotes {

    private final FeedbackService feedback;

    FeedbackReviewNotes(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public Map<String, List<String>> indicatorNotes(Long campaignId, String unitCode, boolean forPublic) {
        return feedback.sheetNotes(campaignId, unitCode, forPublic);
    }

    @Override
    public Optional<Overview> overview(Long campaignId) {
        return feedback.summary(campaignId).map(summary -> {
            Map<String, UnitLine> units = new LinkedHashMap<>();
            summary.units().forEach((code, line) -> units.put(code, new UnitLine(line.answer().label(), line.raised(),
                    line.accepted(), line.rejected(), line.pendingRulings(), line.before(), line.after())));
            FeedbackWindow window = summary.window();
            return new Overview("意见反馈与复核（第" + window.windowNo() + "轮，" + window.lengthText()
                    + (window.concluded() ? "，已办结" : "，进行中") + "）", summary.totals(), units);
        });
    }
}
