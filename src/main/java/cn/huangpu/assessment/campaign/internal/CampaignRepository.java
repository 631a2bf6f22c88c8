package cn.huangpu.assessment.campaign.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CampaignRepository extends JpaRepository<Campaign, Long> {

    /** Serialises the "all inputs in?" decision of one campaign across concurrent transactions and nodes. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Campaign c where c.id = ?1")
    Optional<Campaign> lockById(Long id);

    List<Campaign> findAllByOrderByYearDescIdDesc();

    boolean existsByYear(int year);
}
