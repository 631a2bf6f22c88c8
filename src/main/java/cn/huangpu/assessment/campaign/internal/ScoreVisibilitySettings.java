package cn.huangpu.assessment.campaign.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a unit's staff see their own unit's scores before the leaders approved them (issue 20, part 7). The
 * office, the leaders and the evaluators are not affected.
 *
 * @param units {@link UnitAccess#FEEDBACK_WINDOW} by default
 */
@ConfigurationProperties(prefix = "assessment.score-visibility")
public record ScoreVisibilitySettings(UnitAccess units) {

    /** What a unit sees of its own scores. */
    public enum UnitAccess {
        /** Its sheet during the feedback window, and once the results are published. */
        FEEDBACK_WINDOW,
        /** Its sheet only once the results are published. */
        PUBLISHED,
        /** Every round's sheet as soon as it is scored, approved or not (the behaviour before issue 20). */
        EVERY_ROUND
    }

    public ScoreVisibilitySettings {
        units = units == null ? UnitAccess.FEEDBACK_WINDOW : units;
    }
}
