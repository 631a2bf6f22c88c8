package cn.huangpu.assessment.verification.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** The units' requests to change a 不涉及 claim; only the verification module reads and writes them. */
public interface ClaimChangeRepository extends JpaRepository<ClaimChange, Long> {

    List<ClaimChange> findByCampaignIdAndUnitCodeOrderByIdDesc(Long campaignId, String unitCode);

    /** The request, locked, so that two answers to it (two tabs, a double click) are decided one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ClaimChange c where c.id = ?1")
    Optional<ClaimChange> lockById(Long id);
}
