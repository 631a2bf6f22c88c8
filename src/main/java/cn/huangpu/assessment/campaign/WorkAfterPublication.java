package cn.huangpu.assessment.campaign;

/**
 * Work that goes on after the results are published (rectification), which the campaign's state names: a published
 * campaign with such work under way shows 已公布（整改中）. Implemented by the module doing the work, which depends on
 * the campaign, not the other way round.
 */
public interface WorkAfterPublication {

    /** Whether the work is still under way for the campaign. */
    boolean underway(Long campaignId);

    /** What the state adds while it is: 整改中. */
    String label();
}
