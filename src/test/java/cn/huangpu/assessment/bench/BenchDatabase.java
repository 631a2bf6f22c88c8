package cn.huangpu.assessment.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL server the benchmark runs on: an embedded one (default), started with fsync and
 * synchronous_commit on as in production (zonky starts it with fsync off and synchronous_commit off
 * unless told otherwise), or a server given by {@code -Dbench.db-url=jdbc:postgresql://host:port/}
 * with {@code bench.db-user} and {@code bench.db-password}. Every run gets a database of its own.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String user;
    private final String password;

    private BenchDatabase(EmbeddedPostgres embedded, String serverUrl, String user, String password) {
        this.embedded = embedded;
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
    }

    static BenchDatabase fromSystemProperties() throws IOException {
        String url = System.getProperty("bench.db-url", "");
        if (!url.isBlank()) {
            return new BenchDatabase(null, url, System.getProperty("bench.db-user", "postgres"),
                    System.getProperty("bench.db-password", ""));
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("shared_buffers", "256MB")
                .start();
        return new BenchDatabase(postgres, "jdbc:postgresql://localhost:" + postgres.getPort() + "/", "postgres", "");
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String url(String database) {
        return serverUrl + database;
    }

    /** Creates an empty database for one run (dropping a leftover one of the same name). */
    String create(String database) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
        }
        return url(database);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /** "fsync=on, synchronous_commit=on, PostgreSQL 17.x" as the server reports it. */
    String describe() throws SQLException {
        try (Connection connection = connect("postgres")) {
            return "PostgreSQL " + show(connection, "server_version") + (embedded != null ? " (embedded)" : " (server)")
                    + ", fsync=" + show(connection, "fsync") + ", synchronous_commit=" + show(connection, "synchronous_commit");
        }
    }

    long sizeBytes(String database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select pg_database_size(current_database())")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Rewrites every table and index without dead rows and free space: what the data itself needs, as the
     * database holds it once (auto)vacuum has reused the space of the rows the engine deleted or updated.
     */
    void vacuumFull(String database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("vacuum full");
        }
    }

    /** The largest tables (with their indexes and TOAST) and their total size in bytes, largest first. */
    Map<String, Long> largestTables(String database, int limit) throws SQLException {
        Map<String, Long> tables = new LinkedHashMap<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select relname, pg_total_relation_size(relid) from pg_stat_user_tables"
                     + " order by 2 desc limit " + limit)) {
            while (rows.next()) {
                tables.put(rows.getString(1), rows.getLong(2));
            }
        }
        return tables;
    }

    /** The latest removal time of the engine's history (process instances and decisions), null when none has one. */
    Instant lastRemovalTime(String database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select max(t) from (select max(removal_time_) t from act_hi_procinst"
                     + " union all select max(removal_time_) from act_hi_decinst) removal")) {
            rows.next();
            Timestamp last = rows.getTimestamp(1);
            return last == null ? null : last.toInstant();
        }
    }

    /** Rows of the engine's history whose removal time has come by {@code now}, over every table that has one. */
    long dueHistoryRows(String database, Instant now) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_name from information_schema.columns"
                    + " where table_schema = 'public' and column_name = 'removal_time_' order by 1")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            String sql = String.join(" + ", tables.stream()
                    .map(table -> "(select count(*) from " + table + " where removal_time_ <= ?)").toList());
            try (PreparedStatement count = connection.prepareStatement("select " + sql)) {
                for (int i = 1; i <= tables.size(); i++) {
                    count.setTimestamp(i, Timestamp.from(now));
                }
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refreshes the planner statistics of every table of the database. */
    void analyze(String database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }

    /** Turns autovacuum (and so auto-analyze) of every table in the public schema on or off. */
    void autovacuum(String database, boolean enabled) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("""
                    do $$ declare t record; begin
                      for t in select tablename from pg_tables where schemaname = 'public' loop
                        execute format('alter table %%I set (autovacuum_enabled = %s)', t.tablename);
                      end loop;
                    end $$""".formatted(enabled));
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("show " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
