package cn.huangpu.assessment.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records changes in the caller's transaction, so that a change and its audit entry commit or roll back together. */
@Service
public class AuditLog {

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long campaignId, String subject, String action, String before, String after, String reason,
                       String actor) {
        entries.save(new AuditEntry(campaignId, subject, action, truncate(before), truncate(after), reason,
                actor == null ? "system" : actor, clock.instant()));
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
