package cn.huangpu.assessment.publication.process;

import cn.huangpu.assessment.publication.PublicationService;
import cn.huangpu.assessment.workflow.CampaignProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the approved results and produces the leading group's report. */
@Component
class PublishResultsDelegate implements JavaDelegate {

    private final PublicationService publication;

    PublishResultsDelegate(PublicationService publication) {
        this.publication = publication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        publication.publish((Long) execution.getVariable(CampaignProcess.CAMPAIGN_ID));
    }
}
