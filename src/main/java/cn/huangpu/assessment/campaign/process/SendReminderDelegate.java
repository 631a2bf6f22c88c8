package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.workflow.DeadlineVariables;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminds a unit or evaluator {@code reminderDays} before its deadline. A reminder whose deadline has
 * already passed (a campaign opened late, or a timer that fired after the deadline) is not sent.
 */
@Component
class SendReminderDelegate implements JavaDelegate {

    private final NotificationService notifications;
    private final CampaignService campaigns;
    private final ReferenceData referenceData;
    private final Clock clock;

    SendReminderDelegate(NotificationService notifications, CampaignService campaigns, ReferenceData referenceData,
                         Clock clock) {
        this.notifications = notifications;
        this.campaigns = campaigns;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineSubject subject = DeadlineSubject.of(execution);
        long days = ((Number) execution.getVariable(DeadlineVariables.REMINDER_DAYS)).longValue();
        Duration left = Duration.between(clock.instant(), subject.due());
        if (left.isNegative() || left.isZero()) {
            return;
        }
        // A reminder that fires late (e.g. after an extension) states the time really left, not its nominal days.
        String remaining = left.toHours() >= 24 ? "还有" + (left.toHours() / 24) + "天" : "已不足1天";
        notifications.notify(subject.campaignId(), subject.group(), Notification.Kind.REMINDER,
                "提醒：" + subject.describe(referenceData) + "将于" + campaigns.format(subject.due()) + "截止（"
                        + remaining + "），请及时提交。",
                "reminder/" + subject.campaignId() + "/" + subject.code() + "/" + subject.due().toEpochMilli() + "/" + days,
                subject.link(execution));
    }
}
