package cn.huangpu.assessment.verification.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The findings; only the verification module's service reads and writes them. */
public interface FindingRepository extends JpaRepository<Finding, Long> {

    List<Finding> findByCampaignIdAndUnitCodeOrderById(Long campaignId, String unitCode);

    List<Finding> findByCampaignIdOrderById(Long campaignId);
}
