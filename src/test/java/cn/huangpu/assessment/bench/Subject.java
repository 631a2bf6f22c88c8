package cn.huangpu.assessment.bench;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * What the lifecycle drives: the application (its processes, services and bots) or the bare engine
 * running the same models with no-op delegates. Every step acts as the user who would take it, through
 * the engine's task API with authorization on.
 */
interface Subject extends AutoCloseable {

    /** "campaign" or "baseline". */
    String name();

    ProcessEngine engine();

    /** Opens the campaign and starts its process; returns the process instance id. */
    String start(Instant selfCheckDue, Instant comprehensiveDue, Instant resultsDue);

    List<String> unitCodes();

    List<String> evaluatorCodes();

    /** The unit fills in its self-check and submits it. */
    void submit(String unitCode, int seed);

    /** The office verifies the unit's self-check online. */
    void verify(String unitCode, int seed);

    /** The evaluator enters its results for every unit and delivers them. */
    void deliver(String evaluatorCode, int seed) throws Exception;

    /** The office closes an overdue self-check as not submitted. */
    void closeOverdue(String unitCode);

    /** The office enters its own inputs and completes the comprehensive evaluation. */
    void evaluateComprehensively(int seed);

    /** The unit confirms its preliminary results in the feedback window (无异议). */
    void confirmResults(String unitCode, int seed);

    /** The leader approves the grades. */
    void approve();

    /** Throws when the published outcome is not what the steps should have produced. */
    void checkOutcome();

    /**
     * The server time of the application's own actions, taken as they ran (null: the bare engine has none).
     *
     * @param submitP95Ms           p95 of a self-check submit: 44 entries saved and the task completed
     * @param verifyWithFindingsP95Ms p95 of a verification that recorded findings, the task completed
     * @param uploadSeconds         one evaluator's spreadsheet upload of every unit's values
     */
    record OwnWork(double submitP95Ms, int submits, double verifyWithFindingsP95Ms, int verificationsWithFindings,
                   String uploadEvaluator, int uploadValues, double uploadSeconds) {
    }

    default OwnWork ownWork() {
        return null;
    }

    /** The office's pages and exports over HTTP at this moment (null: the bare engine has no pages). */
    default PageProbe.Measured measurePages(int users, int rounds, List<String> onTime) throws Exception {
        return null;
    }

    /** The task list of {@code userCount} unit users spread over the campaign's units. */
    TaskListProbe taskList(int userCount);

    @Override
    void close();
}
