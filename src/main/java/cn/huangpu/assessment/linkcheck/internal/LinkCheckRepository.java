package cn.huangpu.assessment.linkcheck.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The link checks; only the link-check module's service reads and writes them. */
public interface LinkCheckRepository extends JpaRepository<LinkCheck, Long> {

    /** The checks of a unit's self-check evidence links (not those of its rectification reports). */
    List<LinkCheck> findByCampaignIdAndUnitCodeAndRectificationItemIdIsNullOrderByIndicatorCodeAscIdAsc(Long campaignId,
                                                                                                 String unitCode);

    /** The checks of a campaign's self-check evidence links. */
    List<LinkCheck> findByCampaignIdAndRectificationItemIdIsNull(Long campaignId);

    /** The checks of the links given in rectification reports. */
    List<LinkCheck> findByRectificationItemIdIn(java.util.Collection<Long> itemIds);

    /** By the statuses named, not "not DONE": the index on (status, next_attempt_at) then reads only those rows. */
    long countByStatusIn(java.util.Collection<LinkCheck.Status> statuses);

    @Query("select c from LinkCheck c where (c.status = 'PENDING' and c.nextAttemptAt <= ?1)"
            + " or (c.status = 'RUNNING' and c.claimedAt < ?2) order by c.nextAttemptAt")
    List<LinkCheck> findDue(Instant now, Instant staleBefore, PageRequest page);

    /** Claims a check in one statement, so that of two nodes only one gets it. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update LinkCheck c set c.status = 'RUNNING', c.claimedAt = ?2 where c.id = ?1"
            + " and (c.status = 'PENDING' or (c.status = 'RUNNING' and c.claimedAt < ?3))")
    int claim(Long id, Instant now, Instant staleBefore);
}
