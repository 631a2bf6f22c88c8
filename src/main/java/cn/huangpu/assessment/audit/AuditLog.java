package cn.huangpu.assessment.audit;

import cn.huangpu.assessment.audit.internal.AuditEntry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records changes in the caller's transaction, so that a change and its audit entry commit or roll back together. */
@Service
public class AuditLog {

    /**
     * {@code audit_entry.reason}'s length (V3). The reason is kept whole, so a module whose users type a reason that
     * the trail records holds it to this length (refused, naming the field) before it saves anything.
     */
    public static final int REASON_CHARS = 1000;

    /** One change, as recorded by {@link #recordAll}. */
    public record Change(String subject, String action, String before, String after, String reason) {
    }

    private final AuditEntryRepository entries;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, JdbcTemplate jdbc, Clock clock) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long campaignId, String subject, String action, String before, String after, String reason,
                       String actor) {
        recordAll(campaignId, List.of(new Change(subject, action, before, after, reason)), actor);
    }

    /**
     * Records many changes by one actor in the caller's transaction as batched inserts: an evaluator's
     * results for thousands of units are thousands of entries, which one by one would each wait for the
     * database to hand back a generated id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Long campaignId, List<Change> changes, String actor) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String by = actor == null ? "system" : actor;
        jdbc.batchUpdate("insert into audit_entry (campaign_id, subject, action, before_value, after_value, reason, actor,"
                + " recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)", changes, 500, (statement, change) -> {
                    statement.setObject(1, campaignId);
                    statement.setString(2, change.subject());
                    statement.setString(3, change.action());
                    statement.setString(4, truncate(change.before()));
                    statement.setString(5, truncate(change.after()));
                    statement.setString(6, change.reason());
                    statement.setString(7, by);
                    statement.setObject(8, now);
                });
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> forCampaign(Long campaignId) {
        return entries.findByCampaignIdOrderByAtDescIdDesc(campaignId);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 4000 ? value : value.substring(0, 3990) + "…";
    }
}

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByCampaignIdOrderByAtDescIdDesc(Long campaignId);
}
