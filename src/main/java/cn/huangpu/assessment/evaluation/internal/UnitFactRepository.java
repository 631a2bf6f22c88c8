package cn.huangpu.assessment.evaluation.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The stored values; only the evaluation module's service reads and writes them. */
public interface UnitFactRepository extends JpaRepository<UnitFact, UnitFact.Key> {

    List<UnitFact> findByCampaignId(Long campaignId);

    List<UnitFact> findByCampaignIdAndSource(Long campaignId, String source);

    List<UnitFact> findByCampaignIdAndUnitCode(Long campaignId, String unitCode);

    List<UnitFact> findByCampaignIdAndIndicatorCodeIn(Long campaignId, Collection<String> indicatorCodes);
}
