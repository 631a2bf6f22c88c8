package cn.huangpu.assessment.verification.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The office's rulings on 不涉及; only the verification module reads and writes them. */
public interface NotInvolvedDecisionRepository extends JpaRepository<NotInvolvedDecision, Long> {

    List<NotInvolvedDecision> findByCampaignIdAndUnitCodeOrderByIndicatorCode(Long campaignId, String unitCode);

    List<NotInvolvedDecision> findByCampaignId(Long campaignId);

    Optional<NotInvolvedDecision> findByCampaignIdAndUnitCodeAndIndicatorCode(Long campaignId, String unitCode,
                                                                             String indicatorCode);
}
