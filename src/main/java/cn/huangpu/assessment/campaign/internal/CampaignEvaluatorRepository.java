package cn.huangpu.assessment.campaign.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignEvaluatorRepository extends JpaRepository<CampaignEvaluator, CampaignEvaluator.Key> {

    List<CampaignEvaluator> findByCampaignIdOrderByEvaluatorCode(Long campaignId);

    /** Evaluators whose deadline passed with their results still not in, over every campaign (a gauge). */
    long countByOverdueTrueAndReadyFalse();
}
