package cn.huangpu.assessment.deadline;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.web.BadInputException;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What passing, extending and closing a deadline record, by whose deadline it is. The process glue in
 * {@code deadline.process} calls it; it knows nothing of the engine.
 */
@Service
@Transactional
public class DeadlineService {

    private final CampaignService campaigns;

    DeadlineService(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** The deadline passed with the work not in: the unit or evaluator is marked overdue. */
    public void passed(Deadline deadline) {
        switch (deadline.kind()) {
            case SELF_CHECK -> campaigns.unitOverdue(deadline.campaignId(), deadline.code());
            case SPECIALIST_EVALUATION -> campaigns.evaluatorOverdue(deadline.campaignId(), deadline.code());
        }
    }

    /**
     * Refuses a new deadline that is missing, or not after now and after the deadline it replaces.
     *
     * @throws BadInputException naming {@code newDueDate}
     */
    public void checkExtension(Instant due, Instant newDue) {
        campaigns.checkExtension(due, newDue);
    }

    /** Moves the deadline, with the reason and who decided, into the audit trail; the unit or evaluator is no longer overdue. */
    public void extend(Deadline deadline, Instant newDue, String reason, String actor) {
        switch (deadline.kind()) {
            case SELF_CHECK -> campaigns.extendUnit(deadline.campaignId(), deadline.code(), newDue, reason, actor);
            case SPECIALIST_EVALUATION ->
                    campaigns.extendEvaluator(deadline.campaignId(), deadline.code(), newDue, reason, actor);
        }
    }

    /** Closes the work as not submitted, with the reason: it is scored on what exists. */
    public void close(Deadline deadline, String reason, String actor) {
        switch (deadline.kind()) {
            case SELF_CHECK -> campaigns.closeUnit(deadline.campaignId(), deadline.code(), reason, actor);
            case SPECIALIST_EVALUATION -> campaigns.closeEvaluator(deadline.campaignId(), deadline.code(), reason, actor);
        }
    }
}
