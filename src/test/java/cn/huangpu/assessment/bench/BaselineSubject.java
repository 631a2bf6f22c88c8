package cn.huangpu.assessment.bench;

import cn.huangpu.assessment.deadline.internal.DeadlineSettings;
import cn.huangpu.assessment.deadline.process.DeadlineReminders;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.Deadlines;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The bare-engine baseline: the same four BPMN models (so the same user tasks, timers and async steps
 * per unit), deployed on a plain Camunda engine with the application's engine settings (FULL history,
 * authorization on, strong UUIDs, the same job executor), where every delegate and listener is a no-op.
 * The only glue is what the models cannot run without: starting the unit and evaluator instances in
 * batches of the same size, and counting ready inputs under a row lock so that the last one correlates
 * the campaign's message, as the application does.
 */
final class BaselineSubject implements Subject {

    private static final String[] MODELS = {"processes/AssessmentCampaign.bpmn", "processes/UnitAssessment.bpmn",
            "processes/SpecialistEvaluation.bpmn", "processes/Deadline.bpmn", "processes/UnitFeedback.bpmn",
            "processes/GradeDecision.dmn"};
    private static final String[] FORMS = {"ApproveGrades", "ChaseOverdue", "ComprehensiveEvaluation", "DeliverEvaluation",
            "StartCampaign", "SubmitSelfCheck", "VerifySelfCheck", "ConfirmResults", "ReviewObjections"};
    /** The application's default feedback window, counted in calendar days as the benchmark's app subject does. */
    private static final Duration FEEDBACK_WINDOW = Duration.ofDays(5);
    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    private static final long CAMPAIGN_ID = 1L;

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final List<String> unitCodes;
    private final List<String> evaluatorCodes;
    private final int launchBatchSize;

    BaselineSubject(BenchDatabase database, String jdbcUrl, List<String> unitCodes, List<String> evaluatorCodes,
                    JobSettings jobs, int launchBatchSize, int poolSize) throws IOException, SQLException {
        this.unitCodes = List.copyOf(unitCodes);
        this.evaluatorCodes = List.copyOf(evaluatorCodes);
        this.launchBatchSize = launchBatchSize;
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername(database.user());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(poolSize);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table bench_ready (campaign_id bigint primary key, ready integer not null)");
            statement.execute("insert into bench_ready values (" + CAMPAIGN_ID + ", 0)");
            statement.execute("create table bench_feedback (campaign_id bigint primary key, pending integer not null)");
            statement.execute("insert into bench_feedback values (" + CAMPAIGN_ID + ", " + unitCodes.size() + ")");
        }

        Map<Object, Object> beans = new HashMap<>();
        NoOp noOp = new NoOp();
        for (String model : MODELS) {
            Matcher matcher = DELEGATE.matcher(read(model));
            while (matcher.find()) {
                beans.put(matcher.group(1), noOp);
            }
        }
        beans.put("deadlines", new Deadlines());
        beans.put("deadlineReminders", new DeadlineReminders(new DeadlineSettings(null)));
        beans.put("launchUnitAssessmentsDelegate", new LaunchUnits());
        beans.put("launchSpecialistEvaluationsDelegate", new LaunchEvaluations());
        CountReady countReady = new CountReady(unitCodes.size() + evaluatorCodes.size());
        beans.put("recordUnitReadyDelegate", countReady);
        beans.put("recordEvaluationReadyDelegate", countReady);
        // the feedback window: plan it, launch its units in batches, count them off under a row lock
        beans.put("planFeedbackWindowDelegate", (JavaDelegate) execution -> execution.setVariables(Variables.createVariables()
                .putValue(CampaignProcess.FEEDBACK_WINDOW_OPENS, true)
                .putValue(CampaignProcess.FEEDBACK_BATCHES, (unitCodes.size() + launchBatchSize - 1) / launchBatchSize)
                .putValue(CampaignProcess.FEEDBACK_DUE, Date.from(ClockUtil.getCurrentTime().toInstant().plus(FEEDBACK_WINDOW)))
                .putValue(UnitFeedbackProcess.WINDOW_NO, 1)
                .putValue(UnitFeedbackProcess.REMIND_DAYS, "1")));
        beans.put("launchUnitFeedbackDelegate", new LaunchFeedback());
        beans.put("checkFeedbackConcludedDelegate", (JavaDelegate) execution -> execution.setVariable(
                CampaignProcess.FEEDBACK_CONCLUDED, pendingFeedback(false) == 0));
        beans.put("recordFeedbackConcludedDelegate", (JavaDelegate) execution -> {
            if (pendingFeedback(true) == 0) {
                execution.getProcessEngineServices().getRuntimeService()
                        .createMessageCorrelation(CampaignProcess.MESSAGE_FEEDBACK_CONCLUDED)
                        .processInstanceBusinessKey(String.valueOf(CAMPAIGN_ID)).correlateAllWithResult();
            }
        });
        beans.put("confirmResultsListener", (TaskListener) task ->
                task.getExecution().getProcessInstance().setVariable(UnitFeedbackProcess.OBJECTED, false));

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("baseline");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setAuthorizationEnabled(true);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setQueryMaxResultsLimit(2000);
        configuration.setJobExecutor(jobs.newJobExecutor());
        configuration.setJobExecutorActivate(true);
        configuration.setBeans(beans);
        engine = configuration.buildProcessEngine();

        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("baseline");
        for (String model : MODELS) {
            deployment.addClasspathResource(model);
        }
        for (String form : FORMS) {
            deployment.addClasspathResource("forms/" + form + ".form");
        }
        deployment.deploy();
        seedFilter();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = BaselineSubject.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The same 本单位待办 filter the application seeds, readable by everyone. */
    private void seedFilter() {
        Filter filter = engine.getFilterService().newTaskFilter("本单位待办");
        filter.setQuery(engine.getTaskService().createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        engine.getFilterService().saveFilter(filter);
        Authorization global = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        global.setUserId(Authorization.ANY);
        global.setResource(Resources.FILTER);
        global.setResourceId(filter.getId());
        global.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(global);
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public ProcessEngine engine() {
        return engine;
    }

    @Override
    public String start(Instant selfCheckDue, Instant comprehensiveDue, Instant resultsDue) {
        return engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, String.valueOf(CAMPAIGN_ID),
                Variables.createVariables()
                        .putValue(CampaignProcess.CAMPAIGN_ID, CAMPAIGN_ID)
                        .putValue(CampaignProcess.UNIT_BATCHES, (unitCodes.size() + launchBatchSize - 1) / launchBatchSize)
                        .putValue(CampaignProcess.SELF_CHECK_DUE, Date.from(selfCheckDue))
                        .putValue(CampaignProcess.SPECIALIST_DUE, Date.from(selfCheckDue))
                        .putValue(CampaignProcess.COMPREHENSIVE_DUE, Date.from(comprehensiveDue))
                        .putValue(CampaignProcess.RESULTS_DUE, Date.from(resultsDue))
                        .putValue(CampaignProcess.INITIATOR, CampaignBots.COORDINATOR_USER)).getId();
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
        complete(CampaignBots.unitUser(unitCode), Groups.unit(unitCode), UnitAssessmentProcess.SUBMIT_SELF_CHECK,
                key(unitCode), Map.of("confirmSubmit", true));
    }

    @Override
    public void verify(String unitCode, int seed) {
        complete(CampaignBots.COORDINATOR_USER, Groups.COORDINATOR, UnitAssessmentProcess.VERIFY,
                key(unitCode), Map.of("confirmVerified", true));
    }

    @Override
    public void deliver(String evaluatorCode, int seed) {
        complete(CampaignBots.evaluatorUser(evaluatorCode), Groups.evaluator(evaluatorCode), SpecialistEvaluationProcess.DELIVER,
                key(evaluatorCode), Map.of("confirmDelivered", true));
    }

    @Override
    public void closeOverdue(String unitCode) {
        complete(CampaignBots.COORDINATOR_USER, Groups.COORDINATOR, DeadlineProcess.CHASE,
                key(unitCode),
                Map.of(DeadlineProcess.CHASE_DECISION, DeadlineProcess.CLOSE, DeadlineProcess.CHASE_REASON, "逾期未提交"));
    }

    @Override
    public void evaluateComprehensively(int seed) {
        complete(CampaignBots.COORDINATOR_USER, Groups.COORDINATOR, CampaignProcess.COMPREHENSIVE_EVALUATION,
                String.valueOf(CAMPAIGN_ID), Map.of("confirmComprehensive", true));
    }

    @Override
    public void confirmResults(String unitCode, int seed) {
        complete(CampaignBots.unitUser(unitCode), Groups.unit(unitCode), UnitFeedbackProcess.CONFIRM_RESULTS,
                feedbackKey(unitCode), Map.of(UnitFeedbackProcess.ANSWER_FIELD, UnitFeedbackProcess.NO_OBJECTION));
    }

    @Override
    public void approve() {
        complete(CampaignBots.LEADER_USER, Groups.LEADER, CampaignProcess.APPROVE_GRADES, String.valueOf(CAMPAIGN_ID),
                Map.of(CampaignProcess.APPROVAL_DECISION, CampaignProcess.APPROVE));
    }

    private void complete(String userId, String groupId, String taskKey, String businessKey, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(userId, List.of(groupId));
        try {
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                throw new IllegalStateException("No task " + taskKey + " of " + businessKey + " visible to " + userId);
            }
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** The lifecycle's own check (every instance finished, the campaign ended published) is all there is. */
    @Override
    public void checkOutcome() {
    }

    /** In-process only: the bare engine has no web layer. */
    @Override
    public TaskListProbe taskList(int userCount) {
        Filter filter = engine.getFilterService().createFilterQuery().filterName("本单位待办").singleResult();
        List<TaskListProbe.UnitUser> users = TaskListProbe.sample(unitCodes, userCount).stream()
                .map(code -> new TaskListProbe.UnitUser(CampaignBots.unitUser(code), Groups.unit(code))).toList();
        return new TaskListProbe(engine, filter.getId(), users, null);
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }

    private static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {
        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }
    }

    /** Starts one batch of unit instances, with the variables the application gives them. */
    private final class LaunchUnits implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            int from = (Integer) execution.getVariable(CampaignProcess.LOOP_COUNTER) * launchBatchSize;
            int to = Math.min(unitCodes.size(), from + launchBatchSize);
            for (String unitCode : unitCodes.subList(from, to)) {
                execution.getProcessEngineServices().getRuntimeService()
                        .createProcessInstanceByKey(UnitAssessmentProcess.KEY)
                        .businessKey(key(unitCode))
                        .setVariables(Variables.createVariables()
                                .putValue(CampaignProcess.CAMPAIGN_ID, CAMPAIGN_ID)
                                .putValue(UnitAssessmentProcess.UNIT_CODE, unitCode)
                                .putValue(UnitAssessmentProcess.UNIT_GROUP, Groups.unit(unitCode))
                                .putValue(CampaignProcess.SELF_CHECK_DUE, execution.getVariable(CampaignProcess.SELF_CHECK_DUE))
                                .putValue(CampaignProcess.COMPREHENSIVE_DUE, execution.getVariable(CampaignProcess.COMPREHENSIVE_DUE)))
                        .execute();
            }
        }
    }

    /** Starts one batch of unit feedback instances, with the variables the application gives them. */
    private final class LaunchFeedback implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            int from = (Integer) execution.getVariable(CampaignProcess.LOOP_COUNTER) * launchBatchSize;
            int to = Math.min(unitCodes.size(), from + launchBatchSize);
            for (String unitCode : unitCodes.subList(from, to)) {
                execution.getProcessEngineServices().getRuntimeService()
                        .createProcessInstanceByKey(UnitFeedbackProcess.KEY)
                        .businessKey(feedbackKey(unitCode))
                        .setVariables(Variables.createVariables()
                                .putValue(CampaignProcess.CAMPAIGN_ID, CAMPAIGN_ID)
                                .putValue(UnitAssessmentProcess.UNIT_CODE, unitCode)
                                .putValue(UnitAssessmentProcess.UNIT_GROUP, Groups.unit(unitCode))
                                .putValue(UnitFeedbackProcess.WINDOW_NO, 1)
                                .putValue(CampaignProcess.FEEDBACK_DUE, execution.getVariable(CampaignProcess.FEEDBACK_DUE))
                                .putValue(UnitFeedbackProcess.REMIND_DAYS, execution.getVariable(UnitFeedbackProcess.REMIND_DAYS)))
                        .execute();
            }
        }
    }

    /**
     * The units whose feedback is not concluded, read under the row lock in the job's own transaction; with
     * {@code countOne} after counting one off.
     */
    private static int pendingFeedback(boolean countOne) throws SQLException {
        Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        String sql = countOne
                ? "update bench_feedback set pending = pending - 1 where campaign_id = ? returning pending"
                : "select pending from bench_feedback where campaign_id = ? for update";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, CAMPAIGN_ID);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private final class LaunchEvaluations implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            for (String evaluatorCode : evaluatorCodes) {
                execution.getProcessEngineServices().getRuntimeService()
                        .createProcessInstanceByKey(SpecialistEvaluationProcess.KEY)
                        .businessKey(key(evaluatorCode))
                        .setVariables(Variables.createVariables()
                                .putValue(CampaignProcess.CAMPAIGN_ID, CAMPAIGN_ID)
                                .putValue(SpecialistEvaluationProcess.EVALUATOR_CODE, evaluatorCode)
                                .putValue(SpecialistEvaluationProcess.EVALUATOR_GROUP, Groups.evaluator(evaluatorCode))
                                .putValue(CampaignProcess.SPECIALIST_DUE, execution.getVariable(CampaignProcess.SPECIALIST_DUE)))
                        .execute();
            }
        }
    }

    /** Counts ready inputs under a row lock, in the job's own transaction; the last one moves the campaign on. */
    private static final class CountReady implements JavaDelegate {
        private final int total;

        CountReady(int total) {
            this.total = total;
        }

        @Override
        public void execute(DelegateExecution execution) throws SQLException {
            Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
            int ready;
            try (PreparedStatement update = connection.prepareStatement(
                    "update bench_ready set ready = ready + 1 where campaign_id = ? returning ready")) {
                update.setLong(1, CAMPAIGN_ID);
                try (ResultSet rows = update.executeQuery()) {
                    rows.next();
                    ready = rows.getInt(1);
                }
            }
            if (ready == total) {
                execution.getProcessEngineServices().getRuntimeService()
                        .createMessageCorrelation(CampaignProcess.MESSAGE_ALL_INPUTS_IN)
                        .processInstanceBusinessKey(String.valueOf(CAMPAIGN_ID)).correlate();
            }
        }
    }

    /**
     * The baseline's own business key of a unit's or evaluator's instance: it starts them itself (no reference
     * data, names never change) and looks them up by the same key, as a plain engine application would.
     */
    private static String key(String code) {
        return CAMPAIGN_ID + "/" + code;
    }

    private static String feedbackKey(String unitCode) {
        return key(unitCode) + "/feedback";
    }
}
