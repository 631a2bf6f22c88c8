package cn.huangpu.assessment.campaign.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CampaignUnitRepository extends JpaRepository<CampaignUnit, CampaignUnit.Key> {

    List<CampaignUnit> findByCampaignIdOrderByUnitCode(Long campaignId);

    List<CampaignUnit> findByCampaignIdOrderByUnitCode(Long campaignId, Pageable page);

    long countByCampaignId(Long campaignId);

    /** Units whose deadline passed with their self-check still not in, over every campaign (a gauge). */
    long countByOverdueTrueAndReadyFalse();

    /** Serialises changes that belong to one unit of one campaign across concurrent transactions and nodes. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from CampaignUnit u where u.campaignId = ?1 and u.unitCode = ?2")
    Optional<CampaignUnit> lockById(Long campaignId, String unitCode);
}
