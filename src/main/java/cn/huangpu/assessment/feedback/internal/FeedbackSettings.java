package cn.huangpu.assessment.feedback.internal;

import cn.huangpu.assessment.deadline.DeadlineLength;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The feedback window's defaults; a campaign may have its own (feedback rules, set by the coordinator).
 *
 * @param window              how long units have to answer, from the day the window opens ({@code {days: 5,
 *                            counted: WORKING_DAYS}}); 0 days skips the window
 * @param reminderDaysBefore  whole days before the window closes that the unit is reminded (a reminder that would
 *                            fall before the window opens is not set)
 * @param reopenAfterSendBack whether a second round (after a leaders' send-back, or a reopening) opens the window
 *                            again
 * @param rulingsPublic       whether the published sheets show the office's rulings with their reasons (the mark
 *                            经复核调整 is always shown)
 * @param launchBatchSize     units whose feedback starts in one transaction
 */
@ConfigurationProperties(prefix = "assessment.feedback")
public record FeedbackSettings(DeadlineLength window, List<Integer> reminderDaysBefore, Boolean reopenAfterSendBack,
                               Boolean rulingsPublic, int launchBatchSize) {

    public FeedbackSettings {
        window = window == null ? DeadlineLength.workingDays(5) : window;
        reminderDaysBefore = reminderDaysBefore == null ? List.of(1) : List.copyOf(reminderDaysBefore);
        if (reminderDaysBefore.stream().anyMatch(days -> days == null || days <= 0)) {
            throw new IllegalArgumentException(
                    "assessment.feedback.reminder-days-before takes whole days after 0, not " + reminderDaysBefore);
        }
        reopenAfterSendBack = reopenAfterSendBack == null || reopenAfterSendBack;
        rulingsPublic = rulingsPublic != null && rulingsPublic;
        launchBatchSize = launchBatchSize <= 0 ? 250 : launchBatchSize;
    }
}
