/**
 * What the stages report to the campaign: events that the self-check, verification, evaluation, grading and
 * publication modules publish when their state changes, and that only the campaign module listens to and
 * records, in the publisher's transaction (the last-input count-down reads what they record).
 *
 * <p>They are declared here and not in the publishing modules because every one of those modules depends on
 * the campaign (its catalogue year, dates, participants and whether it is frozen): a campaign listener on a
 * type of {@code selfcheck} would close a cycle, which {@code ModularityTests} refuses. The deadline's events
 * are the deadline module's own ({@code deadline.DeadlinePassed} and its siblings), since that module does
 * not depend on the campaign.
 */
@NamedInterface("progress")
package cn.huangpu.assessment.campaign.progress;

import org.springframework.modulith.NamedInterface;
