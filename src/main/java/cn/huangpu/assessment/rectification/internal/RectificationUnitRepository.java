package cn.huangpu.assessment.rectification.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The units' rectification; only the rectification module's service reads and writes it. */
public interface RectificationUnitRepository extends JpaRepository<RectificationUnit, RectificationUnit.Key> {

    List<RectificationUnit> findByCampaignIdOrderByUnitCode(Long campaignId);

    List<RectificationUnit> findByCampaignIdOrderByUnitCode(Long campaignId, Pageable page);

    long countByCampaignId(Long campaignId);

    @Query("select count(u) > 0 from RectificationUnit u where u.campaignId = ?1 and u.status in"
            + " (cn.huangpu.assessment.rectification.UnitStage.Status.PENDING,"
            + " cn.huangpu.assessment.rectification.UnitStage.Status.RECTIFYING,"
            + " cn.huangpu.assessment.rectification.UnitStage.Status.REVIEWING)")
    boolean anyUnderway(Long campaignId);
}
