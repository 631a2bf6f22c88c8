package cn.huangpu.assessment.deadline;

import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.web.DisplayTime;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Every notice about a deadline, from one set of templates: the reminders before it, the notice that it
 * passed, and the chase task's name and description. Each notice goes to the unit's or evaluator's group
 * once (its key) and links to the task it asks for, or else to the page of the work.
 */
@Component
public class DeadlineNotices {

    private final NotificationService notifications;
    private final DisplayTime time;
    private final ReferenceData referenceData;
    private final Clock clock;

    DeadlineNotices(NotificationService notifications, DisplayTime time, ReferenceData referenceData,
                    Clock clock) {
        this.notifications = notifications;
        this.time = time;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /**
     * Reminds the unit or evaluator {@code daysBefore} days before its deadline; answers false and sends
     * nothing once the deadline has passed (a campaign opened late, or a timer that fired after it).
     *
     * @param taskId the open task the deadline is about, or null
     */
    public boolean remind(Deadline deadline, int daysBefore, String taskId) {
        Duration left = Duration.between(clock.instant(), deadline.due());
        if (left.isNegative() || left.isZero()) {
            return false;
        }
        // A reminder that fires late (e.g. after an extension) states the time really left, not its nominal days.
        String remaining = left.toHours() >= 24 ? "还有" + (left.toHours() / 24) + "天" : "已不足1天";
        return notifications.notify(deadline.campaignId(), group(deadline), Notification.Kind.REMINDER,
                "提醒：" + subject(deadline) + "将于" + due(deadline) + "截止（" + remaining + "），请及时提交。",
                "reminder/" + key(deadline) + "/" + daysBefore, link(deadline, taskId));
    }

    /**
     * Tells the unit or evaluator that its deadline passed: with a chase, that the office will follow up;
     * without, what its kind makes of it (not met; for feedback, deemed no objection).
     */
    public void overdue(Deadline deadline, boolean chased, String taskId) {
        notifications.notify(deadline.campaignId(), group(deadline), Notification.Kind.OVERDUE,
                subject(deadline) + "已超过截止时间（" + due(deadline) + "），"
                        + (chased ? "请尽快提交；区政府办公室将督促处理。" : deadline.kind().lapsed),
                "overdue/" + key(deadline), link(deadline, taskId));
    }

    /** The coordinator's chase task: 督促逾期自查：外滩街道. */
    public String chaseTaskName(Deadline deadline) {
        return "督促逾期" + deadline.kind().chased + "：" + name(deadline);
    }

    /** What the chase task is about, shown with it in the Tasklist. */
    public String chaseDescription(Deadline deadline) {
        return subject(deadline) + "已超过截止时间（" + due(deadline) + "），请选择处理方式：延长期限，或按未提交关闭。";
    }

    /** 外滩街道的自查, 区财政局的专项评估结果. */
    String subject(Deadline deadline) {
        return name(deadline) + "的" + deadline.kind().work;
    }

    private String name(Deadline deadline) {
        return switch (deadline.kind().party) {
            case UNIT -> referenceData.unitName(deadline.code());
            case EVALUATOR -> referenceData.evaluatorName(deadline.code());
        };
    }

    private static String group(Deadline deadline) {
        return switch (deadline.kind().party) {
            case UNIT -> Groups.unit(deadline.code());
            case EVALUATOR -> Groups.evaluator(deadline.code());
        };
    }

    private String due(Deadline deadline) {
        return time.format(deadline.due());
    }

    /**
     * The notice keys of the first release (campaign, code, deadline), so that no notice is sent twice across it;
     * a kind added since carries its name, so that its deadline never shares a key with a self-check's.
     */
    private static String key(Deadline deadline) {
        String kind = deadline.kind() == DeadlineKind.RECTIFICATION ? "rectification/" : "";
        return kind + deadline.campaignId() + "/" + deadline.code() + "/" + deadline.due().toEpochMilli();
    }

    private static Notification.Link link(Deadline deadline, String taskId) {
        return Notification.Link.task(taskId, deadline.kind().page + deadline.campaignId() + "/" + deadline.code());
    }
}
