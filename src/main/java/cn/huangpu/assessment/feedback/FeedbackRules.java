package cn.huangpu.assessment.feedback;

import cn.huangpu.assessment.deadline.DeadlineLength;
import java.util.Objects;

/**
 * A campaign's rules of the feedback window: the settings' defaults, or what the coordinator set for it.
 *
 * @param window              how long units have to answer; 0 days skips the window
 * @param reopenAfterSendBack whether a second round (after a leaders' send-back) opens the window again
 * @param rulingsPublic       whether published sheets show the rulings and their reasons beside 经复核调整
 */
public record FeedbackRules(DeadlineLength window, boolean reopenAfterSendBack, boolean rulingsPublic) {

    public FeedbackRules {
        Objects.requireNonNull(window, "window");
    }
}
