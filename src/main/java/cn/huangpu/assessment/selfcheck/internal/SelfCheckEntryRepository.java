package cn.huangpu.assessment.selfcheck.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The self-check entries; only the self-check module's service reads and writes them. */
public interface SelfCheckEntryRepository extends JpaRepository<SelfCheckEntry, SelfCheckEntry.Key> {

    List<SelfCheckEntry> findByCampaignIdAndUnitCode(Long campaignId, String unitCode);

    List<SelfCheckEntry> findByCampaignId(Long campaignId);
}
