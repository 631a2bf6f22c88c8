package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.workflow.DeadlineVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The deadline passed: the task stays open but is marked overdue, the unit or evaluator is told, the office chases. */
@Component
class MarkOverdueDelegate implements JavaDelegate {

    private final CampaignService campaigns;
    private final NotificationService notifications;
    private final ReferenceData referenceData;

    MarkOverdueDelegate(CampaignService campaigns, NotificationService notifications, ReferenceData referenceData) {
        this.campaigns = campaigns;
        this.notifications = notifications;
        this.referenceData = referenceData;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineSubject subject = DeadlineSubject.of(execution);
        if (subject.isUnit()) {
            campaigns.unitOverdue(subject.campaignId(), subject.unitCode());
        } else {
            campaigns.evaluatorOverdue(subject.campaignId(), subject.evaluatorCode());
        }
        String what = subject.describe(referenceData);
        String due = campaigns.format(subject.due());
        notifications.notify(subject.campaignId(), subject.group(), Notification.Kind.OVERDUE,
                what + "已超过截止时间（" + due + "），请尽快提交；区政府办公室将督促处理。",
                "overdue/" + subject.campaignId() + "/" + subject.code() + "/" + subject.due().toEpochMilli(),
                subject.link(execution));
        execution.setVariable(DeadlineVariables.OVERDUE_SUBJECT, what);
        execution.setVariable(DeadlineVariables.OVERDUE_DUE_TEXT, due);
    }
}
