package cn.huangpu.assessment.rectification.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The rectification items; only the rectification module's service reads and writes them. */
public interface ItemRepository extends JpaRepository<Item, Long> {

    List<Item> findByCampaignIdAndUnitCodeOrderByIndicatorCodeAscIdAsc(Long campaignId, String unitCode);

    List<Item> findByCampaignIdOrderByUnitCodeAscIdAsc(Long campaignId);

    List<Item> findByCampaignIdAndUnitCodeInOrderByUnitCodeAscIdAsc(Long campaignId, List<String> unitCodes);
}
