package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.audit.AuditScope;
import cn.huangpu.assessment.audit.AuditScopes;
import cn.huangpu.assessment.campaign.internal.CampaignSettings;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the audit trail what it needs of a campaign: its years, zone, units and the labels of its statuses. */
@Component
class CampaignAuditScopes implements AuditScopes {

    private final CampaignService campaigns;
    private final CampaignSettings settings;

    CampaignAuditScopes(CampaignService campaigns, CampaignSettings settings) {
        this.campaigns = campaigns;
        this.settings = settings;
    }

    @Override
    @Transactional(readOnly = true)
    public AuditScope of(Long campaignId) {
        CampaignInfo campaign = campaigns.get(campaignId);
        Map<String, String> labels = new HashMap<>();
        for (CampaignStatus status : CampaignStatus.values()) {
            labels.put("campaign:" + status.name(), status.label());
        }
        for (UnitParticipation.Status status : UnitParticipation.Status.values()) {
            labels.put("unit:" + status.name(), status.label());
        }
        for (EvaluatorParticipation.Status status : EvaluatorParticipation.Status.values()) {
            labels.put("evaluator:" + status.name(), status.label());
        }
        return new AuditScope(campaign.id(), campaign.year(), campaign.catalogueYear(), settings.zone(),
                campaigns.units(campaignId).stream().map(UnitParticipation::unitCode).toList(), labels);
    }
}
