package cn.huangpu.assessment.rectification;

import cn.huangpu.assessment.deadline.DeadlineLength;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rectification after publication ({@code assessment.rectification}).
 *
 * @param deadline        how long a unit has from publication (default 20 working days; {@code counted: CALENDAR_DAYS}
 *                        counts calendar days)
 * @param sendBack        the least a unit has again for what the office sent back, from the send-back (default 5
 *                        working days); a deadline still further away stays
 * @param launchBatchSize units whose items are built and whose processes start per transaction
 * @param showOnPublicPage whether the public results page shows each unit's rectification status (off by default)
 */
@ConfigurationProperties(prefix = "assessment.rectification")
public record RectificationSettings(DeadlineLength deadline, DeadlineLength sendBack, Integer launchBatchSize,
                                    Boolean showOnPublicPage) {

    public RectificationSettings {
        deadline = deadline == null ? DeadlineLength.workingDays(20) : deadline;
        sendBack = sendBack == null ? DeadlineLength.workingDays(5) : sendBack;
        launchBatchSize = launchBatchSize == null || launchBatchSize <= 0 ? 250 : launchBatchSize;
        showOnPublicPage = showOnPublicPage != null && showOnPublicPage;
    }
}
