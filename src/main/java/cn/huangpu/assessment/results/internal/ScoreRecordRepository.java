package cn.huangpu.assessment.results.internal;

import cn.huangpu.assessment.results.UnitResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The recorded results; only the results module's scoring reads and writes them. */
public interface ScoreRecordRepository extends JpaRepository<ScoreRecord, Long> {

    /** A result as {@link UnitResult}, from the columns of the record without its facts. */
    String RESULT = "new cn.huangpu.assessment.results.UnitResult(r.id, r.campaignId, r.unitCode, r.round, r.total,"
            + " r.basePoints, r.bonus, r.grade, r.createdAt, r.catalogueVersion, r.gradeTableId, r.gradeTableVersion)";

    @Query("select r.unitCode from ScoreRecord r where r.campaignId = ?1 and r.round = ?2")
    Set<String> findUnitCodesOfRound(Long campaignId, int round);

    /**
     * Each unit's latest result, without the facts it priced: lists of every unit need the totals, and a campaign's
     * facts are tens of megabytes at 6,000 units.
     */
    @Query("select " + RESULT + " from ScoreRecord r where r.campaignId = ?1 and r.round = "
            + "(select max(r2.round) from ScoreRecord r2 where r2.campaignId = r.campaignId and r2.unitCode = r.unitCode)"
            + " order by r.unitCode")
    List<UnitResult> findLatest(Long campaignId);

    long countByCampaignIdAndRound(Long campaignId, int round);

    Optional<ScoreRecord> findFirstByCampaignIdAndUnitCodeOrderByRoundDesc(Long campaignId, String unitCode);

    Optional<ScoreRecord> findByCampaignIdAndUnitCodeAndRound(Long campaignId, String unitCode, int round);

    /** The results of one round, best first, without their facts (as {@link #findLatest}). */
    @Query("select " + RESULT + " from ScoreRecord r where r.campaignId = ?1 and r.round = ?2"
            + " order by r.total desc, r.unitCode asc")
    List<UnitResult> findRound(Long campaignId, int round);
}
