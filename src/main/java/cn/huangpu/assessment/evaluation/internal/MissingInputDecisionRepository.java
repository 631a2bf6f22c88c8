package cn.huangpu.assessment.evaluation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The office's 按缺失计分 decisions; only the evaluation module's service reads and writes them. */
public interface MissingInputDecisionRepository extends JpaRepository<MissingInputDecision, UnitFact.Key> {

    List<MissingInputDecision> findByCampaignId(Long campaignId);

    List<MissingInputDecision> findByCampaignIdAndUnitCode(Long campaignId, String unitCode);
}
