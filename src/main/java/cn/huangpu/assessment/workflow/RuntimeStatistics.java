package cn.huangpu.assessment.workflow;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Refreshes PostgreSQL's planner statistics of the engine's runtime tables after a campaign launched its
 * units. A launch turns near-empty task, identity-link and authorization tables into thousands of rows
 * at once; until auto-analyze notices, the planner still believes them empty and drives the Tasklist's
 * query from a scan of every task instead of the user's group (measured: the query grew linearly with
 * the units, 15× slower at 6,000). ANALYZE in the launching transaction counts that transaction's own rows.
 * Other databases keep their statistics by themselves; nothing happens there.
 */
@Component
public class RuntimeStatistics {

    private static final String TABLES = "act_ru_task, act_ru_identitylink, act_ru_authorization, act_ru_execution, "
            + "act_ru_variable, act_ru_job";

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    RuntimeStatistics(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = isPostgres(dataSource);
    }

    public void refresh() {
        if (postgres) {
            jdbc.execute("analyze " + TABLES);
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equals(product);
        } catch (MetaDataAccessException e) {
            return false;
        }
    }
}
