package cn.huangpu.assessment.bench;

import cn.huangpu.assessment.AssessmentApplication;
import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.EvaluationSpreadsheet;
import cn.huangpu.assessment.feedback.FeedbackService;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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
    private String uploadingEvaluator;
    private final ConcurrentLinkedQueue<Long> submitNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> verifyWithFindingsNanos = new ConcurrentLinkedQueue<>();
    private volatile double uploadSeconds = -1;
    private volatile int uploadValues;

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
        // the evaluator with the most inputs of its own enters them by uploading the filled template
        Catalogue catalogue = catalogue();
        uploadingEvaluator = evaluatorCodes.stream().max(Comparator.comparingInt(code -> catalogue.indicators().stream()
                .mapToInt(indicator -> indicator.directInputs(code).size()).sum())).orElseThrow();
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

    /** Timed in this JVM, which is the server: the service calls a submit makes (44 entries saved, the task completed). */
    @Override
    public void submit(String unitCode, int seed) {
        long begin = System.nanoTime();
        bots.fillSelfCheck(campaignId, unitCode, new Random(seed));
        bots.submitSelfCheck(campaignId, unitCode);
        submitNanos.add(System.nanoTime() - begin);
    }

    /** Timed at the server as {@link #submit}; kept when the verification recorded findings. */
    @Override
    public void verify(String unitCode, int seed) {
        long begin = System.nanoTime();
        bots.verify(campaignId, unitCode, new Random(seed));
        long nanos = System.nanoTime() - begin;
        if (!context.getBean(VerificationService.class).findings(campaignId, unitCode).isEmpty()) {
            verifyWithFindingsNanos.add(nanos);
        }
    }

    /**
     * The evaluators enter their values through the service as the grid does, except one, which downloads its
     * template, fills in every cell and uploads it (the upload timed at the server), then delivers.
     */
    @Override
    public void deliver(String evaluatorCode, int seed) throws Exception {
        if (!evaluatorCode.equals(uploadingEvaluator)) {
            bots.deliver(campaignId, evaluatorCode, new Random(seed));
            return;
        }
        EvaluationSpreadsheet spreadsheet = context.getBean(EvaluationSpreadsheet.class);
        byte[] filled;
        try (Workbook template = spreadsheet.template(campaignId, evaluatorCode)) {
            fill(template, evaluatorCode, new Random(seed));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            template.write(out);
            filled = out.toByteArray();
        }
        long begin = System.nanoTime();
        uploadValues = spreadsheet.upload(campaignId, evaluatorCode, new ByteArrayInputStream(filled),
                CampaignBots.evaluatorUser(evaluatorCode));
        uploadSeconds = (System.nanoTime() - begin) / 1e9;
        bots.complete(CampaignBots.evaluatorUser(evaluatorCode), List.of(Groups.evaluator(evaluatorCode)),
                SpecialistEvaluationProcess.DELIVER, SpecialistEvaluationProcess.tasks(engine.getTaskService(), campaignId,
                        evaluatorCode), Map.of("confirmDelivered", true));
    }

    /** Every cell of the template's rows, in its columns (an input each, a judgement's reason beside its score). */
    private void fill(Workbook template, String evaluatorCode, Random random) {
        List<Input> columns = new ArrayList<>();
        for (Indicator indicator : catalogue().indicators()) {
            columns.addAll(indicator.directInputs(evaluatorCode));
        }
        Sheet sheet = template.getSheetAt(0);
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            int c = 2;
            for (Input input : columns) {
                switch (input.type()) {
                    case COUNT -> row.createCell(c).setCellValue(random.nextInt(random.nextInt(8) == 0 ? 150 : 4));
                    case NUMBER -> row.createCell(c).setCellValue(random.nextInt(1800) / 10.0);
                    case RATE -> row.createCell(c).setCellValue((75 + random.nextInt(26)) / 100.0);
                    case FLAG -> row.createCell(c).setCellValue(random.nextInt(5) > 0 ? "是" : "否");
                    case DATE -> row.createCell(c).setCellValue("2023-01-" + (10 + random.nextInt(15)));
                    case CHOICE -> row.createCell(c).setCellValue(input.options().get(random.nextInt(input.options().size()))
                            .label());
                    case JUDGEMENT -> {
                        List<String> steps = input.scoreSteps();
                        row.createCell(c).setCellValue(steps.get(random.nextInt(steps.size())));
                        row.createCell(++c).setCellValue("按完成情况评分");
                    }
                }
                c++;
            }
        }
    }

    private Catalogue catalogue() {
        return context.getBean(EvaluationService.class).catalogue(campaigns.get(campaignId));
    }

    @Override
    public OwnWork ownWork() {
        return new OwnWork(p95(submitNanos), submitNanos.size(), p95(verifyWithFindingsNanos), verifyWithFindingsNanos.size(),
                uploadingEvaluator, uploadValues, uploadSeconds);
    }

    private static double p95(ConcurrentLinkedQueue<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return sorted.isEmpty() ? Double.NaN : TaskListProbe.percentile(sorted, 0.95);
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

    /**
     * The office's pages at this moment of the campaign, over HTTP as the coordinator (the evaluator's grid as
     * that evaluator), by {@code users} sessions at once, {@code rounds} requests each; unit pages go round units
     * sampled over the campaign ({@code onTime}: those that submitted, for the verification page). Then the two
     * exports, one at a time.
     */
    @Override
    public PageProbe.Measured measurePages(int users, int rounds, List<String> onTime) throws Exception {
        String office = CampaignBots.COORDINATOR_USER;
        String evaluatorCode = uploadingEvaluator;
        String evaluator = CampaignBots.evaluatorUser(evaluatorCode);
        ensureUser(office, Groups.COORDINATOR);
        ensureUser(evaluator, Groups.evaluator(evaluatorCode));
        Map<String, String> names = new LinkedHashMap<>();
        context.getBean(JdbcTemplate.class).query("select code, name from assessed_unit",
                row -> { names.put(row.getString(1), row.getString(2)); });
        List<String> sampled = TaskListProbe.sample(unitCodes, 20);
        List<String> submitted = TaskListProbe.sample(onTime, 20);
        String last = unitCodes.get(unitCodes.size() - 1);
        String listed = "data-unit=\"" + last + "\"";
        String c = "/app/campaigns/" + campaignId;
        PageProbe probe = new PageProbe(port());
        String pw = TaskListProbe.PASSWORD;
        List<PageProbe.Timing> pages = new ArrayList<>();
        pages.add(probe.page("dashboard", office, pw, users, rounds, i -> new PageProbe.Ask(c + "/dashboard", listed)));
        pages.add(probe.page("comprehensive evaluation list", office, pw, users, rounds,
                i -> new PageProbe.Ask("/app/comprehensive/" + campaignId, listed)));
        pages.add(probe.page("comprehensive evaluation, a unit's page", office, pw, users, rounds, i -> {
            String unit = sampled.get(i % sampled.size());
            return new PageProbe.Ask("/app/comprehensive/" + campaignId + "/" + unit, "年度综合评估：" + names.get(unit));
        }));
        pages.add(probe.page("results ranking", office, pw, users, rounds,
                i -> new PageProbe.Ask("/app/results/" + campaignId, listed)));
        pages.add(probe.page("score sheet", office, pw, users, rounds, i -> {
            String unit = sampled.get(i % sampled.size());
            return new PageProbe.Ask("/app/results/" + campaignId + "/" + unit, "：" + names.get(unit) + "评分说明");
        }));
        pages.add(probe.page("audit trail, first page, filtered by unit", office, pw, users, rounds, i -> {
            String unit = submitted.get(i % submitted.size());
            // a row of the trail names the unit in its own cell (the filter's list names every unit)
            return new PageProbe.Ask(c + "/audit?unit=" + unit, "data-label=\"单位\">" + names.get(unit) + "</td>");
        }));
        pages.add(probe.page("verification page", office, pw, users, rounds, i -> {
            String unit = submitted.get(i % submitted.size());
            return new PageProbe.Ask("/app/verification/" + campaignId + "/" + unit, "：" + names.get(unit) + "网上核查");
        }));
        pages.add(probe.page("evaluator's grid", evaluator, pw, users, rounds,
                i -> new PageProbe.Ask("/app/evaluation/" + campaignId + "/" + evaluatorCode, listed)));
        List<PageProbe.Export> exports = List.of(
                probe.export("results xlsx", "/app/results/" + campaignId + "/export.xlsx", office, pw, 3, 0, 1, unitCodes),
                probe.export("evaluator template xlsx", "/app/evaluation/" + campaignId + "/" + evaluatorCode + "/template.xlsx",
                        evaluator, pw, 3, 0, 0, unitCodes));
        return new PageProbe.Measured(pages, exports);
    }

    private void ensureUser(String userId, String groupId) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setPassword(TaskListProbe.PASSWORD);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
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
        return new TaskListProbe(engine, filter.getId(), users, port());
    }

    @Override
    public void close() {
        context.close();
    }
}
