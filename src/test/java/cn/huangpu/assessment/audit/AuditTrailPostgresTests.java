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
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
}
