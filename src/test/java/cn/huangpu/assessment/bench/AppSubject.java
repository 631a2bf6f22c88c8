package cn.huangpu.assessment.bench;

import cn.huangpu.assessment.AssessmentApplication;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application as deployed (profile {@code postgres}, authorization on, FULL history, its own job
 * executor), with the campaign's people played by {@link CampaignBots}. The directory is filled up to N
 * units before the campaign opens, as an import of reference data would.
 */
final class AppSubject implements Subject {

    private final ConfigurableApplicationContext context;
    private final int units;
    private final ProcessEngine engine;
    private final CampaignBots bots;
    private final CampaignService campaigns;
    private Long campaignId;
    private List<String> unitCodes;
    private List<String> evaluatorCodes;

    AppSubject(BenchDatabase database, String jdbcUrl, int units) {
        this.units = units;
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // Evidence links are fetched outside the processes, from the public internet; not part of this benchmark.
                "--assessment.link-check.worker-enabled=false",
                // The run publishes at today's date moved by the lifecycle: 20 working days from it may reach a year
                // whose holidays are not entered (refused, never guessed), so the bench counts calendar days.
                "--assessment.rectification.deadline.days=20",
                "--assessment.rectification.deadline.counted=CALENDAR_DAYS"));
        context = new SpringApplicationBuilder(AssessmentApplication.class).profiles("postgres")
                .run(args.toArray(String[]::new));
        engine = context.getBean(ProcessEngine.class);
        bots = context.getBean(CampaignBots.class);
        campaigns = context.getBean(CampaignService.class);
        fillDirectory();
    }

    private void fillDirectory() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Integer existing = jdbc.queryForObject("select count(*) from assessed_unit where active", Integer.class);
        List<Object[]> rows = new ArrayList<>();
        for (int i = existing; i < units; i++) {
            rows.add(new Object[] {"load" + i, "负载测试单位" + i, 100_000 + i});
        }
        jdbc.batchUpdate("insert into assessed_unit (code, name, kind, sort_order) values (?, ?, 'DEPARTMENT', ?)", rows);
    }

    JobSettings jobSettings() {
        return JobSettings.of(context, engine);
    }

    @Override
    public String name() {
        return "campaign";
    }

    @Override
    public ProcessEngine engine() {
        return engine;
    }

    @Override
    public String start(Instant selfCheckDue, Instant comprehensiveDue, Instant resultsDue) {
        List<String> requested = context.getBean(JdbcTemplate.class).queryForList(
                "select code from assessed_unit where active order by sort_order, code limit ?", String.class, units);
        CampaignInfo campaign = context.getBean(CampaignStarter.class).start(new OpenCampaign(2023, 2023, selfCheckDue,
                selfCheckDue, comprehensiveDue, resultsDue, requested, List.of()), CampaignBots.COORDINATOR_USER);
        campaignId = campaign.id();
        // The window counts calendar days here: the benchmark's clock runs past the last year whose working days
        // are shipped, where a working-day count is refused (never guessed).
        context.getBean(FeedbackService.class).setRules(campaignId, 5, "CALENDAR_DAYS", true, false,
                CampaignBots.COORDINATOR_USER);
        unitCodes = campaigns.units(campaignId).stream().map(UnitParticipation::unitCode).toList();
        evaluatorCodes = campaigns.evaluators(campaignId).stream().map(EvaluatorParticipation::evaluatorCode).toList();
        return campaigns.get(campaignId).processInstanceId();
    }

    @Override
    public List<String> unitCodes() {
        return unitCodes;
    }

    @Override
    public List<String> evaluatorCodes() {
        return evaluatorCodes;
    }

    @Override
    public void submit(String unitCode, int seed) {
        bots.fillSelfCheck(campaignId, unitCode, new Random(seed));
        bots.submitSelfCheck(campaignId, unitCode);
    }

    @Override
    public void verify(String unitCode, int seed) {
        bots.verify(campaignId, unitCode, new Random(seed));
    }

    @Override
    public void deliver(String evaluatorCode, int seed) {
        bots.deliver(campaignId, evaluatorCode, new Random(seed));
    }

    @Override
    public void closeOverdue(String unitCode) {
        bots.chase(campaignId, unitCode, Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.CLOSE, DeadlineProcess.CHASE_REASON, "逾期未提交"));
    }

    @Override
    public void evaluateComprehensively(int seed) {
        bots.evaluateComprehensively(campaignId, new Random(seed));
    }

    @Override
    public void confirmResults(String unitCode, int seed) {
        bots.confirmResults(campaignId, unitCode);
    }

    @Override
    public void approve() {
        bots.approve(campaignId);
    }

    /** Every unit scored once and the campaign published. */
    @Override
    public void checkOutcome() {
        long scored = context.getBean(CampaignScoring.class).countRound(campaignId, 1);
        if (scored != units || campaigns.get(campaignId).status() != CampaignStatus.PUBLISHED) {
            throw new IllegalStateException(scored + " of " + units + " units scored, campaign "
                    + campaigns.get(campaignId).status());
        }
    }

    int launchBatchSize() {
        return context.getEnvironment().getRequiredProperty("assessment.campaign.launch-batch-size", Integer.class);
    }

    int poolSize() {
        return context.getBean(HikariDataSource.class).getMaximumPoolSize();
    }

    /** Unit users with passwords, one per sampled unit, and the seeded filter 本单位待办. */
    @Override
    public TaskListProbe taskList(int userCount) {
        IdentityService identity = engine.getIdentityService();
        List<TaskListProbe.UnitUser> users = new ArrayList<>();
        for (String unitCode : TaskListProbe.sample(unitCodes, userCount)) {
            String userId = CampaignBots.unitUser(unitCode);
            String groupId = Groups.unit(unitCode);
            if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                identity.saveGroup(identity.newGroup(groupId));
            }
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                user.setPassword(TaskListProbe.PASSWORD);
                identity.saveUser(user);
                identity.createMembership(userId, groupId);
            }
            users.add(new TaskListProbe.UnitUser(userId, groupId));
        }
        Filter filter = engine.getFilterService().createFilterQuery().filterName("本单位待办").singleResult();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new TaskListProbe(engine, filter.getId(), users, port);
    }

    @Override
    public void close() {
        context.close();
    }
}
