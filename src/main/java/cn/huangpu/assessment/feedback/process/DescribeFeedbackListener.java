package cn.huangpu.assessment.feedback.process;

import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Describes the leaders' 审定考核结果 task with the feedback window's outcome (objections raised, accepted and
 * rejected, units without an answer, units whose score changed), so that they approve knowing it; the form links to
 * the per-unit summary.
 */
@Component
class DescribeFeedbackListener implements TaskListener {

    private final FeedbackService feedback;

    DescribeFeedbackListener(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void notify(DelegateTask task) {
        Long campaignId = (Long) task.getVariable(CampaignProcess.CAMPAIGN_ID);
        task.setDescription(feedback.summary(campaignId)
                .map(summary -> "意见反馈与复核（第" + summary.window().windowNo() + "轮）："
                        + String.join("；", summary.totals()) + "。")
                .orElse("本考评未开放意见反馈。"));
    }
}
