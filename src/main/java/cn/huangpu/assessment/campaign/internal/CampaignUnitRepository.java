package cn.huangpu.assessment.campaign.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CampaignUnitRepository extends JpaRepository<CampaignUnit, CampaignUnit.Key> {

    List<CampaignUnit> findByCampaignIdOrderByUnitCode(Long campaignId);

    List<CampaignUnit> findByCampaignIdOrderByUnitCode(Long campaignId, Pageable page);

    long countByCampaignId(Long campaignId);
}
