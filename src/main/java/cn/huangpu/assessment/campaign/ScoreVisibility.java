package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.campaign.internal.ScoreVisibilitySettings;
import cn.huangpu.assessment.campaign.internal.ScoreVisibilitySettings.UnitAccess;
import cn.huangpu.assessment.web.DisplayTime;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one rule of when a unit's staff may see their own unit's scores (issue 20, part 7): the score sheet page,
 * its PDF and the link on 工作台 ask it, and say {@link #notYet} instead of showing anything priced. A round's
 * sheet is priced before anyone approved it (round 1 scores the office's judgements as 未评分), so by default
 * ({@code assessment.score-visibility.units: FEEDBACK_WINDOW}) a unit sees its sheet only while the feedback
 * window is open and once the results are published. The office, the leaders and the evaluators do not ask it:
 * they keep their access.
 * <p>
 * A reopened campaign shows the unit nothing of its work in progress: what was published stays on the public
 * results page, which the sheet page links.
 *
 * <h2>What the lead wires when the feedback window (issue 18) is merged</h2>
 * The window is not on this branch. It switches this rule on through {@link FeedbackWindow}:
 * <ol>
 *   <li>the window's module declares one Spring bean implementing {@link FeedbackWindow} (e.g. its service):
 *       {@code isOpen} true from the moment the 确认评估结果 tasks are created until the window closes (or
 *       until approval, if units are to read the office's rulings on their sheets), and {@code opensAt} the
 *       expected opening while the window is ahead (the comprehensive evaluation's due date will do);</li>
 *   <li>the 确认评估结果 task's form links the unit to {@code /app/results/{campaign}/{unit}}, which then shows the
 *       preliminary sheet;</li>
 *   <li>its tests: a unit sees its sheet with the window open and is told when it opens before then
 *       ({@code results/UnitSheetVisibilityTests} shows how to ask each route as the unit).</li>
 * </ol>
 * Without such a bean no campaign has a window, and the default means "after publication".
 */
@Component
public class ScoreVisibility {

    private final UnitAccess access;
    private final ObjectProvider<FeedbackWindow> window;
    private final DisplayTime time;

    ScoreVisibility(ScoreVisibilitySettings settings, ObjectProvider<FeedbackWindow> window, DisplayTime time) {
        this.access = settings.units();
        this.window = window;
        this.time = time;
    }

    /** Whether a unit's staff may see the unit's own scores of this campaign now. */
    public boolean unitMaySee(CampaignInfo campaign) {
        return switch (access) {
            case EVERY_ROUND -> true;
            case PUBLISHED -> campaign.status() == CampaignStatus.PUBLISHED;
            case FEEDBACK_WINDOW -> campaign.status() == CampaignStatus.PUBLISHED || windowOpen(campaign);
        };
    }

    /**
     * What the unit is told instead of its scores while {@link #unitMaySee} is false: that the sheet is not open
     * yet, and when it will be, in Chinese. Null while the unit may see it.
     */
    public String notYet(CampaignInfo campaign) {
        if (unitMaySee(campaign)) {
            return null;
        }
        String notOpen = "评分说明尚未开放：";
        if (campaign.status() == CampaignStatus.REOPENED) {
            return notOpen + "考核结果已由区政府办公室重新打开，重新审定并公布后开放查看；此前公布的结果见“考核结果公开”页面。";
        }
        if (campaign.status() == CampaignStatus.APPROVED) {
            return notOpen + "考核结果已经区领导审定，正在公布，公布后即可查看。";
        }
        Optional<Instant> opens = access == UnitAccess.FEEDBACK_WINDOW
                ? window.stream().findFirst().flatMap(w -> w.opensAt(campaign)) : Optional.empty();
        String resultsDue = "（结果审定截止 " + time.format(campaign.dates().resultsDue()) + "）";
        return opens.map(at -> notOpen + "将于意见反馈期开始时开放（预计 " + time.format(at)
                        + " 起，综合评估完成后），供本单位确认评估结果；考核结果经区领导审定并公布后也可查看" + resultsDue + "。")
                .orElse(notOpen + "将在考核结果经区领导审定并公布后开放查看" + resultsDue + "。");
    }

    private boolean windowOpen(CampaignInfo campaign) {
        return window.stream().anyMatch(w -> w.isOpen(campaign));
    }
}
