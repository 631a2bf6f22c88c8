package cn.huangpu.assessment.bench;

import cn.huangpu.assessment.workflow.CampaignProcess;
import cn.huangpu.assessment.workflow.SpecialistEvaluationProcess;
import cn.huangpu.assessment.workflow.DeadlineProcess;
import cn.huangpu.assessment.workflow.RectificationProcess;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import cn.huangpu.assessment.workflow.UnitFeedbackProcess;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * One campaign of N units from start to publication, driven the same way for the application and the
 * baseline: the campaign starts and its units launch; unit users' task lists are timed (with the
 * statistics PostgreSQL had before the campaign, then after ANALYZE); the engine clock moves to seven
 * days before the deadline so that every unit's reminder timer falls due at once; units submit and
 * evaluators deliver in parallel, the office verifies; the clock moves past the deadline so that the
 * late units' timers fall due at once and the office closes them; scoring runs; paused there, the office's pages
 * are timed and the live data measured; the office completes the comprehensive evaluation and every unit is
 * graded, the feedback window opens for every unit, 90% confirm and the clock moves past the window's deadline so
 * that the silent 10% are deemed at once, the leader approves and the results are published. After the
 * rectification launch the database is measured, then again once the history's time to live has passed and the
 * engine's history cleanup has run.
 */
final class Lifecycle {

    record Settings(double lateShare, int unitBots, int evaluatorBots, int queryUsers, int queryRounds, int pacedRounds,
                    int thinkMillis, int openLoopRate, int openLoopSeconds, int pageUsers, int pageRounds, Duration timeout) {
    }

    /**
     * Task-list latencies with the statistics of the empty installation (stale) and after ANALYZE (fresh):
     * over HTTP with users pausing between requests (paced), asking back to back (busy) and arriving at a fixed
     * rate (open loop), and in-process.
     */
    record Latencies(TaskListProbe.Latency pacedStale, TaskListProbe.Latency pacedFresh, TaskListProbe.Latency busyStale,
                     TaskListProbe.Latency busyFresh, TaskListProbe.OpenLoop openLoopStale, TaskListProbe.OpenLoop openLoopFresh,
                     TaskListProbe.Latency inProcessStale, TaskListProbe.Latency inProcessFresh) {
    }

    /**
     * The engine's history cleanup after the campaign's time to live: the engine clock moved a day past the last
     * removal time, the cleanup asked for and run by the job executor until no history row is due, then
     * VACUUM FULL. {@code historicInstances}: process instances in the history before and after.
     */
    record Cleanup(double seconds, long historicInstancesBefore, long historicInstancesAfter, double liveKbPerUnit,
                   long incidentsAfter, Map<String, Double> largestTablesKbPerUnit) {
    }

    record Result(String subject, int units, int evaluators, double launchSeconds, double launchRate,
                  long reminderTimers, double reminderDrainSeconds, long deadlineTimers, double deadlineDrainSeconds,
                  double scoringSeconds, double feedbackLaunchSeconds, long feedbackTimers, double feedbackDrainSeconds,
                  double lifecycleSeconds, Latencies taskList, double dbKbPerUnit, double dbLiveKbPerUnit,
                  long incidents, long failedJobAttempts, double peakHeapMb, Map<String, Double> largestTablesKbPerUnit,
                  double rectificationSeconds, long rectificationTasks, double closedToScoredSeconds,
                  double comprehensiveSeconds, double gradingSeconds, double dbDuringLiveKbPerUnit, Cleanup cleanup,
                  Subject.OwnWork ownWork, PageProbe.Measured pages) {

        /** From closing the late units to every unit graded, the office's comprehensive evaluation included. */
        double closedToGradedSeconds() {
            return closedToScoredSeconds + comprehensiveSeconds + gradingSeconds;
        }
    }

    private final BenchDatabase database;
    private final String databaseName;
    private final Subject subject;
    private final Settings settings;
    private final ProcessEngine engine;

    Lifecycle(BenchDatabase database, String databaseName, Subject subject, Settings settings) {
        this.database = database;
        this.databaseName = databaseName;
        this.subject = subject;
        this.settings = settings;
        this.engine = subject.engine();
    }

    Result run() throws Exception {
        // Statistics as a new installation has them: taken on (nearly) empty tables, auto-analyze off.
        database.analyze(databaseName);
        database.autovacuum(databaseName, false);
        long bytesBefore = database.sizeBytes(databaseName);
        System.gc();
        try (HeapSampler heap = HeapSampler.start()) {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            Instant selfCheckDue = now.plus(Duration.ofDays(30));
            long begin = System.nanoTime();
            String campaignInstance = subject.start(selfCheckDue, selfCheckDue.plus(Duration.ofDays(10)),
                    selfCheckDue.plus(Duration.ofDays(20)));
            int n = subject.unitCodes().size();
            int evaluators = subject.evaluatorCodes().size();
            await("units launched", () -> openTasks(UnitAssessmentProcess.SUBMIT_SELF_CHECK), n);
            double launchSeconds = seconds(begin);
            log("launched %d units in %.1f s", n, launchSeconds);

            long probeBegin = System.nanoTime();
            Latencies taskList = measureTaskList();
            long probeNanos = System.nanoTime() - probeBegin;

            // Every unit and evaluator is reminded seven days before the deadline.
            Instant reminded = selfCheckDue.minus(Duration.ofDays(7)).plusSeconds(60);
            long reminderTimers = dueTimersAt(reminded);
            long burst = moveClockTo(reminded);
            // every Deadline instance's reminder timer that fell due has fired, and what followed it ran
            await("reminder burst", () -> dueTimersAt(reminded) == 0 && executableJobs() == 0 ? 1 : 0, 1);
            double reminderDrain = seconds(burst);
            log("%d reminder timers drained in %.1f s (%d reminders sent)", reminderTimers, reminderDrain,
                    finished(DeadlineProcess.SEND_REMINDER));

            int late = (int) Math.round(n * settings.lateShare());
            List<String> onTime = subject.unitCodes().subList(0, n - late);
            List<String> lateUnits = subject.unitCodes().subList(n - late, n);
            ExecutorService evaluatorBots = Executors.newFixedThreadPool(settings.evaluatorBots());
            List<Future<?>> deliveries = new ArrayList<>();
            for (int i = 0; i < evaluators; i++) {
                String code = subject.evaluatorCodes().get(i);
                int seed = i;
                deliveries.add(evaluatorBots.submit(() -> {
                    long started = System.nanoTime();
                    subject.deliver(code, seed);
                    log("evaluator %s delivered in %.1f s", code, (System.nanoTime() - started) / 1e9);
                    return null;
                }));
            }
            long submitNanos = inParallel(onTime, subject::submit);
            long submitted = System.nanoTime();
            await("self-checks submitted", () -> openTasks(UnitAssessmentProcess.VERIFY), onTime.size());
            long linksQueued = System.nanoTime();
            long verifyNanos = inParallel(onTime, subject::verify);
            log("submit %.1f ms a unit, verify %.1f ms a unit (bot time); verification tasks ready %.1f s after the last submit",
                    submitNanos / 1e6 / onTime.size(), verifyNanos / 1e6 / onTime.size(), (linksQueued - submitted) / 1e9);
            for (Future<?> delivery : deliveries) {
                delivery.get();
            }
            evaluatorBots.shutdown();
            log("%d self-checks submitted and verified, %d evaluations delivered", onTime.size(), evaluators);

            // The deadline passes with the late units still open.
            Instant overdue = selfCheckDue.plusSeconds(60);
            long deadlineTimers = dueTimersAt(overdue);
            long deadline = moveClockTo(overdue);
            await("deadline burst", () -> openTasks(DeadlineProcess.CHASE) == late && executableJobs() == 0 ? 1 : 0, 1);
            double deadlineDrain = seconds(deadline);
            log("%d deadline timers drained in %.1f s", deadlineTimers, deadlineDrain);
            inParallel(lateUnits, (code, seed) -> subject.closeOverdue(code));

            long closed = System.nanoTime();
            await("scored", () -> openTasks(CampaignProcess.COMPREHENSIVE_EVALUATION), 1);
            long scored = System.nanoTime();

            // Paused (not counted in the lifecycle): the office's pages with every input in and the scores computed,
            // while the comprehensive evaluation is open; then the live data in the middle of the campaign.
            PageProbe.Measured pages = subject.measurePages(settings.pageUsers(), settings.pageRounds(), onTime);
            if (pages != null) {
                pages.pages().forEach(p -> log("page %s: p50 %.1f ms, p95 %.1f ms (%d requests)", p.page(), p.p50Ms(),
                        p.p95Ms(), p.samples()));
                pages.exports().forEach(e -> log("export %s: %.2f s at most (%,d bytes)", e.export(), e.maxSeconds(), e.bytes()));
            }
            database.vacuumFull(databaseName);
            double duringLiveKbPerUnit = (database.sizeBytes(databaseName) - bytesBefore) / 1024.0 / n;
            log("live data during the campaign (scored, comprehensive evaluation open): %.1f KB per unit", duringLiveKbPerUnit);
            long resumed = System.nanoTime();
            probeNanos += resumed - scored;

            subject.evaluateComprehensively(1);
            long evaluated = System.nanoTime();
            await("graded", () -> history().createHistoricActivityInstanceQuery().processInstanceId(campaignInstance)
                    .activityId(CampaignProcess.DETERMINE_GRADES).finished().count(), 1);
            long gradedEvery = System.nanoTime();
            log("closed → scored %.1f s, comprehensive evaluation %.1f s, every unit graded %.1f s later: %.1f s in all",
                    (scored - closed) / 1e9, (evaluated - resumed) / 1e9, (gradedEvery - evaluated) / 1e9,
                    (scored - closed + gradedEvery - resumed) / 1e9);
            // The feedback window opens for every unit (launched in batches), 90% confirm, and the rest are deemed to
            // have no objection when the window's deadline passes, all at once.
            await("feedback window opened", () -> openTasks(UnitFeedbackProcess.CONFIRM_RESULTS), n);
            long windowOpened = System.nanoTime();
            double feedbackLaunchSeconds = (windowOpened - evaluated) / 1e9;
            List<String> silent = subject.unitCodes().subList(n - late, n);
            long confirmNanos = inParallel(subject.unitCodes().subList(0, n - late), subject::confirmResults);
            Instant windowClosed = engine.getTaskService().createTaskQuery()
                    .taskDefinitionKey(UnitFeedbackProcess.CONFIRM_RESULTS).listPage(0, 1).get(0).getDueDate().toInstant()
                    .plusSeconds(60);
            long feedbackTimers = dueTimersAt(windowClosed);
            long feedbackDeadline = moveClockTo(windowClosed);
            await("feedback deadline burst", () -> openTasks(CampaignProcess.APPROVE_GRADES) == 1 && executableJobs() == 0
                    ? 1 : 0, 1);
            double feedbackDrainSeconds = seconds(feedbackDeadline);
            log("feedback window opened for %d units in %.1f s; confirm %.1f ms a unit (bot time); %d deadline timers"
                            + " (%d silent units) drained in %.1f s", n, feedbackLaunchSeconds,
                    confirmNanos / 1e6 / Math.max(1, n - late), feedbackTimers, silent.size(), feedbackDrainSeconds);
            subject.approve();
            await("published", () -> history().createHistoricActivityInstanceQuery().processInstanceId(campaignInstance)
                    .activityId(CampaignProcess.END_PUBLISHED).finished().count(), 1);
            double lifecycleSeconds = (System.nanoTime() - begin - probeNanos) / 1e9;
            log("published after %.1f s (task-list timing excluded)", lifecycleSeconds);

            // Rectification (the application only; the baseline has no such step): every unit's items are built from
            // its published sheet and findings and its 落实整改 opened, in batches, after publication.
            long published = System.nanoTime();
            double rectificationSeconds = -1;
            long rectificationTasks = -1;
            if ("campaign".equals(subject.name())) {
                await("rectification launched", () -> history().createHistoricProcessInstanceQuery()
                        .processDefinitionKey(RectificationProcess.LAUNCH_KEY).finished().count() == 1
                        && executableJobs() == 0 ? 1 : 0, 1);
                rectificationSeconds = seconds(published);
                rectificationTasks = openTasks(RectificationProcess.RECTIFY);
                log("rectification: %d tasks 落实整改 opened %.1f s after publication", rectificationTasks,
                        rectificationSeconds);
            }

            long finishedUnits = history().createHistoricProcessInstanceQuery().processDefinitionKey(UnitAssessmentProcess.KEY)
                    .finished().count();
            long finishedEvaluations = history().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(SpecialistEvaluationProcess.KEY).finished().count();
            long finishedFeedback = history().createHistoricProcessInstanceQuery().processDefinitionKey(UnitFeedbackProcess.KEY)
                    .finished().count();
            if (finishedFeedback != n) {
                throw new IllegalStateException("Finished " + finishedFeedback + " of " + n + " unit feedback instances");
            }
            if (finishedUnits != n || finishedEvaluations != evaluators) {
                throw new IllegalStateException("Finished " + finishedUnits + " of " + n + " unit and " + finishedEvaluations
                        + " of " + evaluators + " evaluation instances");
            }
            subject.checkOutcome();
            HistoricActivityInstance scoring = history().createHistoricActivityInstanceQuery()
                    .processInstanceId(campaignInstance).activityId(CampaignProcess.SCORE_UNITS).finished().singleResult();
            long incidents = history().createHistoricIncidentQuery().count();
            long failedJobAttempts = history().createHistoricJobLogQuery().failureLog().count();
            double kbPerUnit = (database.sizeBytes(databaseName) - bytesBefore) / 1024.0 / n;
            database.vacuumFull(databaseName);
            double liveKbPerUnit = (database.sizeBytes(databaseName) - bytesBefore) / 1024.0 / n;
            Map<String, Double> largestTables = largestTables(n);
            Subject.OwnWork ownWork = subject.ownWork();
            Cleanup cleanup = cleanUpHistory(bytesBefore, n);
            return new Result(subject.name(), n, evaluators, launchSeconds, n / launchSeconds, reminderTimers, reminderDrain,
                    deadlineTimers, deadlineDrain, scoring.getDurationInMillis() / 1000.0, feedbackLaunchSeconds, feedbackTimers,
                    feedbackDrainSeconds, lifecycleSeconds, taskList,
                    kbPerUnit, liveKbPerUnit, incidents, failedJobAttempts, heap.peakMb(), largestTables,
                    rectificationSeconds, rectificationTasks, (scored - closed) / 1e9, (evaluated - resumed) / 1e9,
                    (gradedEvery - evaluated) / 1e9, duringLiveKbPerUnit, cleanup, ownWork, pages);
        } finally {
            ClockUtil.reset();
        }
    }

    private Map<String, Double> largestTables(int n) throws java.sql.SQLException {
        Map<String, Double> largest = new LinkedHashMap<>();
        database.largestTables(databaseName, 12).forEach((table, bytes) -> largest.put(table, bytes / 1024.0 / n));
        return largest;
    }

    /**
     * Moves the engine clock a day past the last removal time of the history (timers that fall due on the way run
     * first), asks for the history cleanup as an administrator would (Cockpit, or the nightly window) and lets
     * the job executor run it until no history row is due any more; then VACUUM FULL and the size again.
     */
    private Cleanup cleanUpHistory(long bytesBefore, int n) throws Exception {
        long instancesBefore = history().createHistoricProcessInstanceQuery().count();
        Instant last = database.lastRemovalTime(databaseName);
        if (last == null) {
            throw new IllegalStateException(subject.name() + ": no history row has a removal time, so none is ever cleaned up");
        }
        moveClockTo(last.plus(Duration.ofDays(1)));
        await("timers due after the time to live", () -> executableJobs() == 0 ? 1 : 0, 1);
        long begin = System.nanoTime();
        history().cleanUpHistoryAsync(true);
        await("history cleanup", () -> database.dueHistoryRows(databaseName, ClockUtil.getCurrentTime().toInstant()), 0);
        double seconds = seconds(begin);
        long instancesAfter = history().createHistoricProcessInstanceQuery().count();
        database.vacuumFull(databaseName);
        double liveKbPerUnit = (database.sizeBytes(databaseName) - bytesBefore) / 1024.0 / n;
        log("history cleanup in %.1f s: %d → %d historic process instances, %.1f KB per unit live", seconds,
                instancesBefore, instancesAfter, liveKbPerUnit);
        return new Cleanup(seconds, instancesBefore, instancesAfter, liveKbPerUnit,
                engine.getRuntimeService().createIncidentQuery().count(), largestTables(n));
    }

    /** Unit users' task lists, first with the statistics of the empty installation, then after ANALYZE. */
    private Latencies measureTaskList() throws Exception {
        TaskListProbe probe = subject.taskList(settings.queryUsers());
        // Untimed: the JIT compiles the request path first, so that neither statistics case pays for it.
        if (probe.hasHttp()) {
            probe.tasklist(settings.queryRounds(), 0);
        }
        probe.inProcess(settings.queryRounds());
        TaskListProbe.Latency pacedStale = probe.hasHttp() ? probe.tasklist(settings.pacedRounds(), settings.thinkMillis()) : null;
        TaskListProbe.Latency busyStale = probe.hasHttp() ? probe.tasklist(settings.queryRounds(), 0) : null;
        TaskListProbe.OpenLoop openLoopStale = probe.hasHttp()
                ? probe.openLoop(settings.openLoopRate(), settings.openLoopSeconds()) : null;
        TaskListProbe.Latency inProcessStale = probe.inProcess(settings.queryRounds());
        database.analyze(databaseName);
        TaskListProbe.Latency pacedFresh = probe.hasHttp() ? probe.tasklist(settings.pacedRounds(), settings.thinkMillis()) : null;
        TaskListProbe.Latency busyFresh = probe.hasHttp() ? probe.tasklist(settings.queryRounds(), 0) : null;
        TaskListProbe.OpenLoop openLoopFresh = probe.hasHttp()
                ? probe.openLoop(settings.openLoopRate(), settings.openLoopSeconds()) : null;
        TaskListProbe.Latency inProcessFresh = probe.inProcess(settings.queryRounds());
        database.autovacuum(databaseName, true);
        Latencies latencies = new Latencies(pacedStale, pacedFresh, busyStale, busyFresh, openLoopStale, openLoopFresh,
                inProcessStale, inProcessFresh);
        log("task list p50 / p95: %s", latencies);
        return latencies;
    }

    private interface Step {
        void run(String code, int seed) throws Exception;
    }

    /** Runs the step for every code on the unit bots; returns the time the steps took, summed over the bots. */
    private long inParallel(List<String> codes, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.unitBots());
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                int seed = i;
                futures.add(pool.submit(() -> {
                    long begin = System.nanoTime();
                    step.run(code, seed);
                    return System.nanoTime() - begin;
                }));
            }
            long nanos = 0;
            for (Future<Long> future : futures) {
                nanos += future.get();
            }
            return nanos;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Moves the engine clock (which keeps running) to the given moment; returns System.nanoTime() of the move. */
    private static long moveClockTo(Instant moment) {
        ClockUtil.offset(moment.toEpochMilli() - System.currentTimeMillis());
        return System.nanoTime();
    }

    private long dueTimersAt(Instant moment) {
        return management().createJobQuery().timers().duedateLowerThan(java.util.Date.from(moment)).count();
    }

    private long openTasks(String taskKey) {
        return engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).count();
    }

    private long finished(String activityId) {
        return history().createHistoricActivityInstanceQuery().activityId(activityId).finished().count();
    }

    private long executableJobs() {
        return management().createJobQuery().executable().count();
    }

    private void await(String what, LongSupplier actual, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        long value;
        while ((value = actual.getAsLong()) != expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(subject.name() + ": timed out waiting for " + what + " (" + value + " of "
                        + expected + "), incidents: " + engine.getRuntimeService().createIncidentQuery().count());
            }
            Thread.sleep(50);
        }
    }

    private HistoryService history() {
        return engine.getHistoryService();
    }

    private ManagementService management() {
        return engine.getManagementService();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private void log(String format, Object... args) {
        System.out.printf("[%s %s] %s%n", subject.name(), ManagementFactory.getRuntimeMXBean().getUptime() / 1000 + " s",
                format.formatted(args));
    }
}
