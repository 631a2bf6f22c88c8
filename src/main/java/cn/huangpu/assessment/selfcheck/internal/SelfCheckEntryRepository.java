package cn.huangpu.assessment.selfcheck.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The self-check entries; only the self-check module's service reads and writes them. */
public interface SelfCheckEntryRepository extends JpaRepository<SelfCheckEntry, SelfCheckEntry.Key> {

    List<SelfCheckEntry> findByCampaignIdAndUnitCode(Long campaignId, String unitCode);

    List<SelfCheckEntry> findByCampaignId(Long campaignId);

    /** Unit and indicator of each entry ticked 不涉及: a handful of rows where the campaign has thousands of entries. */
    @Query("select e.unitCode, e.indicatorCode from SelfCheckEntry e where e.campaignId = ?1 and e.notInvolved = true")
    List<Object[]> findNotInvolved(Long campaignId);
}
