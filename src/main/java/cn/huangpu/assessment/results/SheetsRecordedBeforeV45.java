package cn.huangpu.assessment.results;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.scoring.FactsParser;
import cn.huangpu.assessment.scoring.InvalidFactsException;
import cn.huangpu.assessment.scoring.ScoreCalculator;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.scoring.ScoreSheetJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 46: stores the sheets of results recorded before V45, which kept only their facts and priced them
 * again on every read. Each is priced once more, now, with the catalogue loaded at this start, and keeps the
 * grade its round recorded (the grade that was decided and perhaps published). Its catalogue version is
 * recorded; its grade table's version is not known and stays empty. Flyway runs it once, on one node.
 */
@Component
class SheetsRecordedBeforeV45 implements JavaMigration {

    private final Catalogues catalogues;

    SheetsRecordedBeforeV45(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("46");
    }

    @Override
    public String getDescription() {
        return "store the sheets of results recorded before V45";
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
        List<Legacy> legacy = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select r.id, r.campaign_id, r.unit_code,"
                + " r.scoring_round, r.grade, r.facts_json, c.catalogue_year from score_record r"
                + " join campaign c on c.id = r.campaign_id where r.catalogue_version is null");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                legacy.add(new Legacy(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getInt(4),
                        rows.getString(5), rows.getString(6), rows.getInt(7)));
            }
        }
        ScoreCalculator calculator = new ScoreCalculator();
        try (PreparedStatement sheet = connection.prepareStatement("insert into score_sheet"
                + " (campaign_id, unit_code, scoring_round, sheet_json) values (?, ?, ?, ?)");
             PreparedStatement version = connection.prepareStatement(
                     "update score_record set catalogue_version = ? where id = ?")) {
            for (Legacy result : legacy) {
                Catalogue catalogue = catalogues.forYear(result.catalogueYear()).orElseThrow(() -> new IllegalStateException(
                        "Score record " + result.id() + " needs the " + result.catalogueYear() + " catalogue, which is missing"));
                ScoreSheet priced;
                try {
                    // Priced as these results always were, dates in the catalogue's own year, so that no
                    // sheet of a past round changes now that a catalogue's dates follow the campaign year.
                    priced = calculator.score(catalogue, FactsParser.parseRecorded(catalogue,
                            FactsParser.readValue(result.factsJson()))).withGrade(result.grade());
                } catch (InvalidFactsException e) {
                    throw new IllegalStateException("Unreadable facts of score record " + result.id(), e);
                }
                sheet.setLong(1, result.campaignId());
                sheet.setString(2, result.unitCode());
                sheet.setInt(3, result.round());
                sheet.setString(4, ScoreSheetJson.write(priced));
                sheet.addBatch();
                version.setString(1, catalogues.version(result.catalogueYear()).orElseThrow());
                version.setLong(2, result.id());
                version.addBatch();
            }
            sheet.executeBatch();
            version.executeBatch();
        }
    }

    private record Legacy(long id, long campaignId, String unitCode, int round, String grade, String factsJson,
                          int catalogueYear) {
    }
}
