package cn.huangpu.assessment.results;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import java.sql.Connection;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Migration 46 gives results recorded before sheets were stored a stored sheet, keeping their recorded grade. */
@H2IntegrationTest
class SheetsRecordedBeforeV45Tests {

    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired CampaignScoring scoring;
    @Autowired SheetsRecordedBeforeV45 migration;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired Flyway flyway;

    @Test
    void storesTheSheetOfAnEarlierResultWithTheGradeItsRoundRecorded() throws Exception {
        // given a result as results were recorded before V45: facts, totals and a grade, no sheet, no versions,
        // and a recorded grade other than today's table gives (a table changed since)
        Long id = campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        bots.fillSelfCheck(id, "waitan", new Random(46));
        bots.enterValues(id, "FINANCE", new Random(46));
        scoring.scoreRound(id, 1);
        ScoreSheet priced = scoring.sheet(scoring.latest(id, "waitan").orElseThrow());
        String recordedGrade = "优秀".equals(priced.grade()) ? "良好" : "优秀";
        jdbc.update("delete from score_sheet where campaign_id = ?", id);
        jdbc.update("update score_record set catalogue_version = null, grade_table_id = null, grade_table_version = null,"
                + " grade = ? where campaign_id = ?", recordedGrade, id);

        // when the migration runs
        try (Connection connection = dataSource.getConnection()) {
            migration.migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        // then the result has its sheet, priced from its facts as its round priced them, with the grade it was
        // recorded with: the totals it recorded, and every indicator as today's round prices it, except that dates
        // are in the catalogue's year (results before V45 were priced so; 4.6 against 2023-01-20, not the campaign's)
        UnitResult record = scoring.latest(id, "waitan").orElseThrow();
        ScoreSheet stored = scoring.sheet(record);
        assertThat(stored.total()).isEqualByComparingTo(record.total());
        assertThat(stored.grade()).isEqualTo(recordedGrade);
        assertThat(stored.sections()).isEqualTo(priced.sections());
        assertThat(stored.indicators()).filteredOn(i -> !i.code().equals("4.6"))
                .isEqualTo(priced.indicators().stream().filter(i -> !i.code().equals("4.6")).toList());
        assertThat(stored.indicator("4.6").explanation()).anySatisfy(line ->
                assertThat(line.text()).contains("（条件：不晚于2023-01-20）"));
        assertThat(record.catalogueVersion()).startsWith("sha256:");
        assertThat(record.gradeTableVersion()).isNull();
        // and Flyway knows the migration (it runs it once, at the start after the upgrade)
        assertThat(flyway.info().applied()).anySatisfy(m -> assertThat(m.getVersion().getVersion()).isEqualTo("46"));
    }
}
