package cn.huangpu.assessment.grading;

import cn.huangpu.assessment.audit.AuditLog;
import cn.huangpu.assessment.campaign.progress.ResultsApproved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The leaders' decision on the grades: approval (which freezes the results) or sending back with a reason. */
@Service
@Transactional
public class GradeApproval {

    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    GradeApproval(ApplicationEventPublisher events, AuditLog audit) {
        this.audit = audit;
        this.events = events;
    }

    /** The leaders approved the grades; the campaign records it and freezes the results. */
    public void approve(Long campaignId, String actor) {
        events.publishEvent(new ResultsApproved(campaignId, actor));
    }

    /** The leaders sent the results back to comprehensive evaluation, for the reason recorded here. */
    public void sendBack(Long campaignId, String reason, String actor) {
        audit.record(campaignId, "campaign " + campaignId, "SEND_BACK", null, null, reason, actor);
    }
}
