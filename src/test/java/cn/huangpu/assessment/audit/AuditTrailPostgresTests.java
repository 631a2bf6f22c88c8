package cn.huangpu.assessment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.deadline.DeadlineService;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.support.PostgresIntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.verification.VerificationService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail's queries on PostgreSQL, the production database: word matching with LIKE and its escape, days
 * bounded in the office's zone on {@code timestamp with time zone}, limit and offset, and the export read
 * through a cursor.
 */
@PostgresIntegrationTest
class AuditTrailPostgresTests {

    @Autowired CampaignService campaigns;
    @Autowired EvaluationService evaluation;
    @Autowired VerificationService verification;
    @Autowired DeadlineService deadlines;
    @Autowired AuditScopes scopes;
    @Autowired AuditTrail trail;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void filtersPagesAndTheExportCountAlikeOnPostgresql() throws Exception {
        // given the fixture's trail
        AuditTrailFixture fixture = AuditTrailFixture.create(TestUsers.freshYear(), campaigns, evaluation, verification, deadlines);
        AuditScope scope = scopes.of(fixture.campaignId());

        // when it is filtered and paged, then the counts are the fixture's
        assertThat(trail.page(scope, AuditFilter.NONE, 1).total()).isEqualTo(AuditTrailFixture.ALL);
        assertThat(trail.page(scope, new AuditFilter("waitan", null, null, null, null), 1).total())
                .isEqualTo(AuditTrailFixture.WAITAN);
        assertThat(trail.page(scope, new AuditFilter("waitan", "1.4", "eval-finance", null, null), 2).rows())
                .hasSize(AuditTrailFixture.WAITAN_FINANCE - AuditTrail.PAGE_SIZE);
        assertThat(trail.page(scope, new AuditFilter(null, null, "office01", null, null), 1).total())
                .isEqualTo(AuditTrailFixture.BY_OFFICE);
        assertThat(trail.page(scope, new AuditFilter(null, null, null, fixture.secondDay(), fixture.secondDay()), 1).total())
                .isEqualTo(AuditTrailFixture.CZJ);
        assertThat(trail.page(scope, new AuditFilter(null, null, null, null, fixture.secondDay().minusDays(1)), 1).total())
                .isEqualTo(AuditTrailFixture.ALL - AuditTrailFixture.CZJ);

        // and the export holds every row the filter selects
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = trail.export(scope, new AuditFilter(null, "1.4", null, null, null), out);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("审计记录");
            assertThat(written).isEqualTo(AuditTrailFixture.WAITAN_FINANCE + 3);
            assertThat(sheet.getLastRowNum()).isEqualTo(AuditTrailFixture.WAITAN_FINANCE + 3);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("1.4 财政预决算");
        }
    }

    @Test
    void theFirstPageAndTheUnitFilterAreReadFromIndexesWithoutSortingTheTrail() {
        // given a trail as a large campaign has it: the fixture's entries and 30,000 of other units, written at one
        // instant as an evaluator's upload writes them, with the statistics taken
        AuditTrailFixture fixture = AuditTrailFixture.create(TestUsers.freshYear(), campaigns, evaluation, verification, deadlines);
        OffsetDateTime uploaded = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> others = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            others.add(new Object[] {fixture.campaignId(), "unit_fact load" + i + " 1.1 x", "VALUE", "eval-finance", uploaded});
        }
        jdbc.batchUpdate("insert into audit_entry (campaign_id, subject, action, actor, recorded_at) values (?, ?, ?, ?, ?)",
                others);
        jdbc.execute("analyze audit_entry");
        List<String> patterns = AuditSubject.patterns("waitan", null);
        String unitFilter = patterns.stream().map(p -> "subject like ? escape '\\'")
                .collect(Collectors.joining(" or ", " and (", ")"));
        List<Object> unitArguments = new ArrayList<>(List.of(fixture.campaignId()));
        unitArguments.addAll(patterns);

        // when the first page, unfiltered and filtered by a unit, and the filtered count are planned as the trail asks
        List<String> firstPage = plan("select id from audit_entry where campaign_id = ? order by recorded_at desc, id desc"
                + " limit 50 offset 0", fixture.campaignId());
        List<String> ofUnit = plan("select id from audit_entry where campaign_id = ?" + unitFilter
                + " order by recorded_at desc, id desc limit 50 offset 0", unitArguments.toArray());
        List<String> countOfUnit = plan("select count(*) from audit_entry where campaign_id = ?" + unitFilter,
                unitArguments.toArray());

        // then the first page comes in order from the index; the unit's page is either found by its subjects' prefix
        // or read in order from the newest entries without sorting the trail (the planner picks by its estimates,
        // which the other tests' rows in this database move), and its count uses one of the two indexes
        assertThat(String.join("\n", firstPage)).contains("audit_entry_newest").doesNotContain("Sort");
        String unitPage = String.join("\n", ofUnit);
        assertThat(unitPage).containsAnyOf("audit_entry_subject", "audit_entry_newest");
        assertThat(unitPage.contains("audit_entry_subject") || !unitPage.contains("Sort"))
                .as("the unit's page either uses the subject index or reads the newest index in order:\n%s", unitPage)
                .isTrue();
        assertThat(String.join("\n", countOfUnit)).containsAnyOf("audit_entry_subject", "audit_entry_newest");
    }

    /** The plan PostgreSQL chooses, kept off whole-table scans (a campaign's trail is a small part of the table). */
    private List<String> plan(String sql, Object... arguments) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("explain " + sql, String.class, arguments);
        });
    }
}
