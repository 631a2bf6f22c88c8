package cn.huangpu.assessment.campaign.process;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.workflow.CampaignProcess;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The results deadline passed without approval: the coordinator and the leaders are told. */
@Component
class NotifyApprovalOverdueDelegate implements JavaDelegate {

    private final CampaignService campaigns;
    private final NotificationService notifications;
    private final DisplayTime time;

    NotifyApprovalOverdueDelegate(CampaignService campaigns, NotificationService notifications, DisplayTime time) {
        this.campaigns = campaigns;
        this.notifications = notifications;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID);
        Date due = (Date) execution.getVariable(CampaignProcess.RESULTS_DUE);
        var campaign = campaigns.get(campaignId);
        String message = campaign.year() + "年度政务公开考核评估结果已超过审定截止时间（"
                + time.format(due.toInstant()) + "），尚未审定，请尽快审定。";
        // the leaders' link opens their approval task; the coordinator, who cannot approve, gets the results page
        String results = "/app/results/" + campaignId;
        String approvalTask = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(CampaignProcess.APPROVE_GRADES)
                .active().list().stream().map(Task::getId).findFirst().orElse(null);
        for (String group : List.of(Groups.COORDINATOR, Groups.LEADER)) {
            notifications.notify(campaignId, group, Notification.Kind.APPROVAL_OVERDUE, message,
                    "approval-overdue/" + campaignId + "/" + due.getTime() + "/" + group,
                    Groups.LEADER.equals(group) ? Notification.Link.task(approvalTask, results)
                            : Notification.Link.page(results));
        }
    }
}
