package cn.huangpu.assessment.audit;

/** Answers the scope of a campaign's trail; implemented by the campaign module. */
public interface AuditScopes {

    /** The campaign's scope; an unknown campaign fails as the campaign module fails for it. */
    AuditScope of(Long campaignId);
}
