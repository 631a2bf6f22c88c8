package cn.huangpu.assessment.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records notifications. Each has a de-duplication key (e.g. campaign, unit, deadline and reminder
 * kind), so that a re-executed job or a second node records it once.
 */
@Service
@Transactional
public class NotificationService {

    private final NotificationRepository notifications;
    private final Optional<GroupMailer> mailer;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Optional<GroupMailer> mailer, Clock clock) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Records the message unless one with the same key exists; returns whether it was recorded now. */
    public boolean notify(Long campaignId, String recipientGroup, Notification.Kind kind, String message, String dedupKey) {
        if (notifications.existsByDedupKey(dedupKey)) {
            return false;
        }
        Notification notification = notifications.save(
                new Notification(campaignId, recipientGroup, kind, message, dedupKey, clock.instant()));
        mailer.ifPresent(m -> {
            if (m.send(recipientGroup, message)) {
                notification.mailed();
            }
        });
        return true;
    }

    @Transactional(readOnly = true)
    public List<Notification> forGroups(Collection<String> groups, int limit) {
        return groups.isEmpty() ? List.of()
                : notifications.findByRecipientGroupInOrderByCreatedAtDesc(groups, PageRequest.of(0, limit));
    }

    @Transactional(readOnly = true)
    public List<Notification> forCampaign(Long campaignId) {
        return notifications.findByCampaignIdOrderByCreatedAtDesc(campaignId);
    }
}

interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByDedupKey(String dedupKey);

    List<Notification> findByRecipientGroupInOrderByCreatedAtDesc(Collection<String> groups, PageRequest page);

    List<Notification> findByCampaignIdOrderByCreatedAtDesc(Long campaignId);
}
