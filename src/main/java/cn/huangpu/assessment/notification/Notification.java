package cn.huangpu.assessment.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message to every member of a group, recorded once per {@code dedupKey}; it may point at the Tasklist
 * task it asks for, or else at the app page it concerns.
 */
@Entity
@Table(name = "notification")
public class Notification {

    /**
     * {@code notification.message}'s length (V3). A longer message (one quoting a long reason) is cut with “…”: a
     * notice points at the page, which shows the whole text.
     */
    static final int MESSAGE_CHARS = 1000;

    /** Why the message was sent. */
    public enum Kind {
        REMINDER, OVERDUE, MANUAL, APPROVAL_OVERDUE,
        /** About the feedback window: a ruling on an objection, a request for an evaluator's opinion, the opinion. */
        FEEDBACK,
        /** A unit's request to change its 不涉及 claim, and the office's rulings on 不涉及 (verification). */
        CLAIM_CHANGE,
        /** An input reopened for its evaluator by a rejected 不涉及 claim, to be entered late (补录). */
        LATE_ENTRY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "recipient_group", nullable = false)
    private String recipientGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String message;

    @Column(name = "dedup_key", nullable = false, unique = true)
    private String dedupKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean mailed;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "page")
    private String page;

    protected Notification() {
    }

    Notification(Long campaignId, String recipientGroup, Kind kind, String message, String dedupKey, Instant createdAt,
                 Link link) {
        this.campaignId = campaignId;
        this.recipientGroup = recipientGroup;
        this.kind = kind;
        this.message = message == null || message.length() <= MESSAGE_CHARS ? message
                : message.substring(0, MESSAGE_CHARS - 1) + "…";
        this.dedupKey = dedupKey;
        this.createdAt = createdAt;
        this.taskId = link.taskId();
        this.page = link.page();
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getRecipientGroup() {
        return recipientGroup;
    }

    public Kind getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isMailed() {
        return mailed;
    }

    /** The Tasklist task the message asks the recipient to do, if any. */
    public String getTaskId() {
        return taskId;
    }

    /** The app page (a path such as {@code /app/self-check/1/waitan}) the message concerns, if any. */
    public String getPage() {
        return page;
    }

    /** Where the message takes the reader: its task in the Tasklist, else its app page; null when neither. */
    public String link() {
        return taskId != null ? Link.TASKLIST_TASK + taskId : page;
    }

    void mailed() {
        this.mailed = true;
    }

    /**
     * Where a notification points: a Tasklist task (by id) and/or an app page, both optional. The task
     * wins when both are given, the page being where the task's work is done.
     */
    public record Link(String taskId, String page) {

        public static final Link NONE = new Link(null, null);
        /** The Tasklist opens the task given as {@code task} in its hash route. */
        static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

        public Link {
            if (page != null && !page.startsWith("/app/")) {
                throw new IllegalArgumentException("A notification links to an app page (/app/...), not " + page);
            }
        }

        public static Link task(String taskId, String page) {
            return new Link(taskId, page);
        }

        public static Link page(String page) {
            return new Link(null, page);
        }
    }
}
