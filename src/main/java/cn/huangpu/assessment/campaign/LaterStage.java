package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.deadline.DeadlineLength;
import java.time.Instant;
import java.util.Optional;

/**
 * A stage that starts after one of the campaign's own dates and lasts a length counted from its start (the feedback
 * window after the comprehensive evaluation, rectification after publication). Its deadline is only known once it
 * starts, so the coordinator is warned beforehand when that count would run through a year whose holidays are not
 * entered: the stage could not start then (its launch job fails rather than guess a date). Implemented by the module
 * running the stage, which depends on the campaign, not the other way round.
 */
public interface LaterStage {

    /** The stage as people call it: 意见反馈期, 整改期限. */
    String name();

    /**
     * When the stage is expected to start and how long it lasts, while its start is still ahead (or its launch has
     * not succeeded); empty once it started, or when the campaign has none.
     */
    Optional<Planned> planned(CampaignInfo campaign, Instant now);

    /** The expected start (never before now) and the stage's length from it. */
    record Planned(Instant start, DeadlineLength length) {
    }
}
