package cn.huangpu.assessment.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 87: indexes for the audit trail's first page and its unit and indicator filters at 6,000 units, where a
 * campaign's trail holds hundreds of thousands of entries and one upload or scoring round writes thousands of them
 * at the same instant.
 *
 * <ul>
 *   <li>{@code (campaign_id, recorded_at, id)} gives the page's order (newest first, then by id) straight from the
 *       index. The V3 index stopped at {@code recorded_at}: every entry of the newest batch, all of one instant, was
 *       read and sorted by id before the first 50 were shown. It replaces that index, which is its prefix.</li>
 *   <li>{@code (campaign_id, subject)} serves the filters' {@code subject like 'kind code%'} patterns as a range. On
 *       PostgreSQL with a collation other than C a plain index cannot serve LIKE, so there it is built with
 *       {@code varchar_pattern_ops}; H2 (the tests) has no operator classes and needs none.</li>
 * </ul>
 * A Java migration because the operator class exists on PostgreSQL only; Flyway runs it once, on one node.
 */
@Component
class AuditTrailIndexesV87 implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("87");
    }

    @Override
    public String getDescription() {
        return "audit trail indexes for the first page and the unit and indicator filters";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            statement.execute("create index audit_entry_newest on audit_entry (campaign_id, recorded_at, id)");
            statement.execute("drop index audit_entry_campaign");
            statement.execute("create index audit_entry_subject on audit_entry (campaign_id, subject"
                    + (postgres ? " varchar_pattern_ops" : "") + ")");
        }
    }
}
