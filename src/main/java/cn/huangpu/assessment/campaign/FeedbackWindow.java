package cn.huangpu.assessment.campaign;

import java.time.Instant;
import java.util.Optional;

/**
 * The feedback window (意见反馈期, issue 18) as {@link ScoreVisibility} needs to know it: while it is open, units
 * see their preliminary score sheets. The window lies between 开展综合评估 and 审定考核结果.
 * <p>
 * This is the hook the window switches on. Until a module declares a bean of this type, no campaign has a
 * window, so that by default a unit sees its sheet only once the results are published. The window's module
 * declares exactly one bean implementing it; nothing else needs to change (see {@link ScoreVisibility}).
 */
public interface FeedbackWindow {

    /**
     * Whether units may see their preliminary sheets in this campaign now: from the moment the window opens
     * (its 确认评估结果 tasks are created) until it closes. The implementation decides whether the office's
     * review after the window (复核) keeps it open, so that units read the rulings on their sheets.
     */
    boolean isOpen(CampaignInfo campaign);

    /**
     * When the window will open, while it is still ahead and its opening can be told (e.g. the comprehensive
     * evaluation's due date); empty once it has opened or closed, or when the campaign has none (length 0).
     */
    Optional<Instant> opensAt(CampaignInfo campaign);
}
