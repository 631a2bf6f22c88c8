package cn.huangpu.assessment.notification;

import cn.huangpu.assessment.notification.internal.GroupMailer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records notifications. Each has a de-duplication key (e.g. campaign, unit, deadline and reminder
 * kind), so that a re-executed job or a second node records it once. Each user reads them: what a user
 * has read is recorded per notification, so a group's message is unread for each member until that
 * member has seen it.
 */
@Service
@Transactional
public class NotificationService {

    /** SQLSTATE of a unique-constraint violation, the same on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final NotificationRepository notifications;
    private final Optional<GroupMailer> mailer;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    NotificationService(NotificationRepository notifications, Optional<GroupMailer> mailer, Clock clock,
                        PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records the message unless one with the same key exists; returns whether it was recorded now. */
    public boolean notify(Long campaignId, String recipientGroup, Notification.Kind kind, String message, String dedupKey) {
        return notify(campaignId, recipientGroup, kind, message, dedupKey, Notification.Link.NONE);
    }

    /** As {@link #notify(Long, String, Notification.Kind, String, String)}, pointing at a task or page. */
    public boolean notify(Long campaignId, String recipientGroup, Notification.Kind kind, String message, String dedupKey,
                          Notification.Link link) {
        if (notifications.existsByDedupKey(dedupKey)) {
            return false;
        }
        record(new Notification(campaignId, recipientGroup, kind, message, dedupKey, clock.instant(), link), false);
        return true;
    }

    /**
     * Records a message a person asked for (a click) exactly once per key, also when the same request
     * arrives twice at the same moment, on this node or another: the key's unique constraint decides, in a
     * transaction of its own, so the refused twin leaves nothing behind and is answered as already sent.
     * Returns whether this call recorded it.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean notifyOnce(Long campaignId, String recipientGroup, Notification.Kind kind, String message,
                              String dedupKey, Notification.Link link) {
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> {
                if (notifications.existsByDedupKey(dedupKey)) {
                    return false;
                }
                record(new Notification(campaignId, recipientGroup, kind, message, dedupKey, clock.instant(), link), true);
                return true;
            }));
        } catch (DataIntegrityViolationException e) {
            if (isUniqueViolation(e)) {
                return false; // the twin request holds the key; its transaction records the message
            }
            throw e;
        }
    }

    /** Saves the notification and mails it; {@code flush}: a second row for its key is refused before any mail. */
    private void record(Notification notification, boolean flush) {
        Notification saved = flush ? notifications.saveAndFlush(notification) : notifications.save(notification);
        mailer.ifPresent(m -> {
            if (m.send(saved.getRecipientGroup(), saved.getMessage())) {
                saved.mailed();
            }
        });
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

    /** When each group of the campaign last got a notification of this kind (e.g. a one-click reminder). */
    @Transactional(readOnly = true)
    public Map<String, Instant> lastSent(Long campaignId, Notification.Kind kind) {
        Map<String, Instant> last = new HashMap<>();
        for (Object[] row : notifications.lastSentByGroup(campaignId, kind)) {
            last.put((String) row[0], (Instant) row[1]);
        }
        return last;
    }

    /** A user's newest notifications (of the user's groups), each with whether the user has read it. */
    @Transactional(readOnly = true)
    public List<InboxEntry> inbox(String userId, Collection<String> groups, int limit) {
        List<Notification> latest = forGroups(groups, limit);
        if (userId == null || latest.isEmpty()) {
            return latest.stream().map(n -> new InboxEntry(n, false)).toList();
        }
        Set<Long> read = new HashSet<>(notifications.readAmong(userId,
                latest.stream().map(Notification::getId).toList()));
        return latest.stream().map(n -> new InboxEntry(n, !read.contains(n.getId()))).toList();
    }

    /**
     * The user's newest notifications as {@link #inbox} answers them, which the user is now seeing: they
     * are marked read, so the header's count drops and the next view shows them as read.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<InboxEntry> openInbox(String userId, Collection<String> groups, int limit) {
        List<InboxEntry> entries = inbox(userId, groups, limit);
        List<Long> unread = entries.stream().filter(InboxEntry::unread).map(e -> e.notification().getId()).toList();
        if (userId != null && !unread.isEmpty()) {
            markRead(userId, unread);
        }
        return entries;
    }

    /** Marks every notification of the user's groups read (the 全部标为已读 button); answers how many were unread. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int markAllRead(String userId, Collection<String> groups) {
        if (userId == null || groups.isEmpty()) {
            return 0;
        }
        return markRead(userId, notifications.unreadIds(userId, groups));
    }

    /** How many notifications of the user's groups the user has not read. */
    @Transactional(readOnly = true)
    public long unreadCount(String userId, Collection<String> groups) {
        return userId == null || groups.isEmpty() ? 0 : notifications.countUnread(userId, groups);
    }

    /**
     * Records the reads in a transaction of their own. The same user reading in two windows at once may
     * mark the same notification twice; the primary key refuses the second statement as a whole, so it
     * is tried again, and then marks only what the other window did not.
     */
    private int markRead(String userId, List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Integer marked = ownTransaction.execute(status -> notifications.markRead(userId, ids, clock.instant()));
                return marked == null ? 0 : marked;
            } catch (DataIntegrityViolationException e) {
                if (!isUniqueViolation(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static boolean isUniqueViolation(DataIntegrityViolationException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A notification as one user sees it. */
    public record InboxEntry(Notification notification, boolean unread) {
    }
}

interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByDedupKey(String dedupKey);

    List<Notification> findByRecipientGroupInOrderByCreatedAtDesc(Collection<String> groups, PageRequest page);

    List<Notification> findByCampaignIdOrderByCreatedAtDesc(Long campaignId);

    @Query("select n.recipientGroup, max(n.createdAt) from Notification n"
            + " where n.campaignId = :campaignId and n.kind = :kind group by n.recipientGroup")
    List<Object[]> lastSentByGroup(@Param("campaignId") Long campaignId, @Param("kind") Notification.Kind kind);

    @Query(value = "select r.notification_id from notification_read r where r.user_id = :userId"
            + " and r.notification_id in (:ids)", nativeQuery = true)
    List<Long> readAmong(@Param("userId") String userId, @Param("ids") Collection<Long> ids);

    @Query(value = "select count(*) from notification n where n.recipient_group in (:groups) and not exists"
            + " (select 1 from notification_read r where r.notification_id = n.id and r.user_id = :userId)",
            nativeQuery = true)
    long countUnread(@Param("userId") String userId, @Param("groups") Collection<String> groups);

    @Query(value = "select n.id from notification n where n.recipient_group in (:groups) and not exists"
            + " (select 1 from notification_read r where r.notification_id = n.id and r.user_id = :userId)",
            nativeQuery = true)
    List<Long> unreadIds(@Param("userId") String userId, @Param("groups") Collection<String> groups);

    @Modifying
    @Query(value = "insert into notification_read (notification_id, user_id, read_at)"
            + " select n.id, :userId, :readAt from notification n where n.id in (:ids) and not exists"
            + " (select 1 from notification_read r where r.notification_id = n.id and r.user_id = :userId)",
            nativeQuery = true)
    int markRead(@Param("userId") String userId, @Param("ids") Collection<Long> ids, @Param("readAt") Instant readAt);
}
