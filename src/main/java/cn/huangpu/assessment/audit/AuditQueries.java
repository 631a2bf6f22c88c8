package cn.huangpu.assessment.audit;

import cn.huangpu.assessment.audit.internal.AuditEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Reads a campaign's trail in the database: counts, one page at a time (limit and offset), or every matching
 * entry as a stream of rows that is never held in memory at once. Newest first.
 */
@Repository
class AuditQueries {

    private static final String COLUMNS = "id, campaign_id, subject, action, before_value, after_value, reason, actor, recorded_at";
    private static final String ORDER = " order by recorded_at desc, id desc";
    /** Rows fetched per round trip when streaming an export. */
    private static final int FETCH_SIZE = 500;

    private static final RowMapper<AuditEntry> ENTRY = AuditQueries::entry;

    private final JdbcTemplate jdbc;

    AuditQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count(Long campaignId, AuditFilter filter, ZoneId zone) {
        Where where = Where.of(campaignId, filter, zone);
        Long count = jdbc.queryForObject("select count(*) from audit_entry where " + where.sql(), Long.class,
                where.arguments().toArray());
        return count == null ? 0 : count;
    }

    List<AuditEntry> page(Long campaignId, AuditFilter filter, ZoneId zone, long offset, int limit) {
        Where where = Where.of(campaignId, filter, zone);
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("select " + COLUMNS + " from audit_entry where " + where.sql() + ORDER + " limit ? offset ?",
                ENTRY, arguments.toArray());
    }

    /** Hands every matching entry to {@code each}, newest first; the caller holds a transaction (a cursor on PostgreSQL). */
    void each(Long campaignId, AuditFilter filter, ZoneId zone, Consumer<AuditEntry> each) {
        Where where = Where.of(campaignId, filter, zone);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select " + COLUMNS + " from audit_entry where " + where.sql() + ORDER);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < where.arguments().size(); i++) {
                statement.setObject(i + 1, where.arguments().get(i));
            }
            return statement;
        }, (RowCallbackHandler) row -> each.accept(entry(row, 0)));
    }

    /** Everyone who has an entry in the campaign's trail, for the actor filter. */
    List<String> actors(Long campaignId) {
        return jdbc.queryForList("select distinct actor from audit_entry where campaign_id = ? order by actor", String.class,
                campaignId);
    }

    private static AuditEntry entry(ResultSet row, int rowNumber) throws SQLException {
        OffsetDateTime at = row.getObject("recorded_at", OffsetDateTime.class);
        return new AuditEntry(row.getLong("id"), row.getObject("campaign_id", Long.class), row.getString("subject"),
                row.getString("action"), row.getString("before_value"), row.getString("after_value"),
                row.getString("reason"), row.getString("actor"), at == null ? null : at.toInstant());
    }

    /** The where clause of a filter and its arguments, in order. */
    private record Where(String sql, List<Object> arguments) {

        static Where of(Long campaignId, AuditFilter filter, ZoneId zone) {
            StringBuilder sql = new StringBuilder("campaign_id = ?");
            List<Object> arguments = new ArrayList<>(List.of(campaignId));
            if (filter.unit() != null || filter.indicator() != null) {
                List<String> patterns = AuditSubject.patterns(filter.unit(), filter.indicator());
                sql.append(" and (");
                for (int i = 0; i < patterns.size(); i++) {
                    sql.append(i == 0 ? "" : " or ").append("subject like ? escape '\\'");
                    arguments.add(patterns.get(i));
                }
                sql.append(')');
            }
            if (filter.actor() != null) {
                sql.append(" and actor = ?");
                arguments.add(filter.actor());
            }
            if (filter.from() != null) {
                sql.append(" and recorded_at >= ?");
                arguments.add(OffsetDateTime.ofInstant(filter.start(zone), ZoneOffset.UTC));
            }
            if (filter.to() != null) {
                sql.append(" and recorded_at < ?");
                arguments.add(OffsetDateTime.ofInstant(filter.end(zone), ZoneOffset.UTC));
            }
            return new Where(sql.toString(), arguments);
        }
    }
}
