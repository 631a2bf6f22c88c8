package cn.huangpu.assessment.results.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The recorded results; only the results module's scoring reads and writes them. */
public interface ScoreRecordRepository extends JpaRepository<ScoreRecord, Long> {

    @Query("select r.unitCode from ScoreRecord r where r.campaignId = ?1 and r.round = ?2")
    Set<String> findUnitCodesOfRound(Long campaignId, int round);

    @Query("select r from ScoreRecord r where r.campaignId = ?1 and r.round = "
            + "(select max(r2.round) from ScoreRecord r2 where r2.campaignId = r.campaignId and r2.unitCode = r.unitCode)"
            + " order by r.unitCode")
    List<ScoreRecord> findLatest(Long campaignId);

    long countByCampaignIdAndRound(Long campaignId, int round);

    Optional<ScoreRecord> findFirstByCampaignIdAndUnitCodeOrderByRoundDesc(Long campaignId, String unitCode);

    Optional<ScoreRecord> findByCampaignIdAndUnitCodeAndRound(Long campaignId, String unitCode, int round);

    List<ScoreRecord> findByCampaignIdAndRoundOrderByTotalDescUnitCodeAsc(Long campaignId, int round);
}
