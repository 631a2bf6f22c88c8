package cn.huangpu.assessment.rectification;

import cn.huangpu.assessment.deadline.Deadline;
import cn.huangpu.assessment.deadline.DeadlineClosed;
import cn.huangpu.assessment.deadline.DeadlineExtended;
import cn.huangpu.assessment.deadline.DeadlineKind;
import cn.huangpu.assessment.deadline.DeadlinePassed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what a unit's rectification deadline did (processes/Deadline.bpmn with kind RECTIFICATION), in the
 * deadline's transaction: overdue, extended (audited), or closed by the office, which closes the open items
 * without a fix. The campaign records the other kinds.
 */
@Component
@Transactional
class RectificationDeadlines {

    private final RectificationService rectification;

    RectificationDeadlines(RectificationService rectification) {
        this.rectification = rectification;
    }

    @EventListener
    void on(DeadlinePassed event) {
        Deadline deadline = event.deadline();
        if (deadline.kind() == DeadlineKind.RECTIFICATION) {
            rectification.overdue(deadline.campaignId(), deadline.code());
        }
    }

    @EventListener
    void on(DeadlineExtended event) {
        Deadline deadline = event.deadline();
        if (deadline.kind() == DeadlineKind.RECTIFICATION) {
            rectification.extended(deadline.campaignId(), deadline.code(), event.newDue(), event.reason(), event.actor());
        }
    }

    @EventListener
    void on(DeadlineClosed event) {
        Deadline deadline = event.deadline();
        if (deadline.kind() == DeadlineKind.RECTIFICATION) {
            rectification.closed(deadline.campaignId(), deadline.code(), event.reason(), event.actor());
        }
    }
}
