package cn.huangpu.assessment.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the results as JSON, CSV and Markdown under {@code target/bench/}, with the ratios campaign ÷
 * baseline and each target marked met or missed from the measured values; and, when asked, replaces the
 * benchmark section of the README with the same Markdown.
 */
final class Report {

    static final String README_BEGIN = "<!-- campaign-benchmark:begin -->";
    static final String README_END = "<!-- campaign-benchmark:end -->";

    record Ratio(int units, double lifecycle, double launch, double reminderDrain, double deadlineDrain, double dbPerUnit,
                 double dbLivePerUnit, double dbAfterCleanupPerUnit) {
    }

    record Target(String target, String measured, boolean met) {
    }

    /** The sizes the issue sets most targets for; a run without them is judged at its largest size. */
    private static final List<Integer> TARGET_SIZES = List.of(600, 6000);
    private static final int LARGEST_TARGET_SIZE = 6000;

    private final Map<String, String> machine;
    private final List<Lifecycle.Result> results;

    Report(Map<String, String> machine, List<Lifecycle.Result> results) {
        this.machine = machine;
        this.results = List.copyOf(results);
    }

    List<Ratio> ratios() {
        List<Ratio> ratios = new ArrayList<>();
        for (Lifecycle.Result campaign : of("campaign")) {
            find("baseline", campaign.units()).ifPresent(baseline -> ratios.add(new Ratio(campaign.units(),
                    campaign.lifecycleSeconds() / baseline.lifecycleSeconds(),
                    campaign.launchSeconds() / baseline.launchSeconds(),
                    campaign.reminderDrainSeconds() / baseline.reminderDrainSeconds(),
                    campaign.deadlineDrainSeconds() / baseline.deadlineDrainSeconds(),
                    campaign.dbKbPerUnit() / baseline.dbKbPerUnit(),
                    campaign.dbLiveKbPerUnit() / baseline.dbLiveKbPerUnit(),
                    campaign.cleanup().liveKbPerUnit() / baseline.cleanup().liveKbPerUnit())));
        }
        return ratios;
    }

    /** The campaign sizes of this run the "600 and 6,000 units" targets are judged at (the largest, without those). */
    private List<Integer> targetSizes() {
        List<Integer> sizes = of("campaign").stream().map(Lifecycle.Result::units).filter(TARGET_SIZES::contains).toList();
        return sizes.isEmpty() ? largestCampaign().map(r -> List.of(r.units())).orElse(List.of()) : sizes;
    }

    private Optional<Lifecycle.Result> largestCampaign() {
        return of("campaign").stream().max(Comparator.comparingInt(Lifecycle.Result::units));
    }

    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        List<Ratio> ratios = ratios();
        for (int units : targetSizes()) {
            ratios.stream().filter(r -> r.units() == units).findFirst().ifPresent(ratio -> {
                targets.add(ratioTarget("launch", units, ratio.launch(), 1.3));
                targets.add(ratioTarget("reminder burst", units, ratio.reminderDrain(), 1.3));
                targets.add(ratioTarget("deadline burst", units, ratio.deadlineDrain(), 1.3));
            });
        }
        largestCampaign().ifPresent(big -> {
            int units = big.units();
            ratios.stream().filter(r -> r.units() == units).findFirst().ifPresent(ratio ->
                    targets.add(ratioTarget("whole lifecycle", units, ratio.lifecycle(), 1.4)));
            targets.add(new Target("launch at %,d units ≥ 300 units/s".formatted(units),
                    "%.0f units/s".formatted(big.launchRate()), big.launchRate() >= 300));
            targets.add(new Target("reminder burst at %,d units drained ≤ 30 s".formatted(units),
                    "%.1f s (%,d timers)".formatted(big.reminderDrainSeconds(), big.reminderTimers()),
                    big.reminderDrainSeconds() <= 30));
            targets.add(new Target("deadline burst at %,d units drained ≤ 30 s".formatted(units),
                    "%.1f s (%,d timers)".formatted(big.deadlineDrainSeconds(), big.deadlineTimers()),
                    big.deadlineDrainSeconds() <= 30));
        });
        for (int units : targetSizes()) {
            find("campaign", units).ifPresent(r -> {
                Lifecycle.Latencies t = r.taskList();
                targets.add(new Target(("Tasklist over HTTP, open loop: %d list requests/s arriving for %d s, %,d units, "
                        + "p95 < 50 ms, stale / fresh statistics").formatted(t.openLoopStale().perSecond(),
                        t.openLoopStale().seconds(), units), "%.1f / %.1f ms".formatted(t.openLoopStale().p95Ms(),
                        t.openLoopFresh().p95Ms()), Math.max(t.openLoopStale().p95Ms(), t.openLoopFresh().p95Ms()) < 50));
                targets.add(new Target("Tasklist over HTTP, 20 users working (paced), %,d units, p95 < 50 ms, stale / fresh statistics"
                        .formatted(units), "%.1f / %.1f ms".formatted(t.pacedStale().p95Ms(), t.pacedFresh().p95Ms()),
                        Math.max(t.pacedStale().p95Ms(), t.pacedFresh().p95Ms()) < 50));
                targets.add(new Target("Tasklist over HTTP, busy: throughput with 20 requests in flight, %,d units, ≥ 400/s, stale / fresh statistics"
                        .formatted(units), "%.0f / %.0f requests/s".formatted(t.busyStale().perSecond(), t.busyFresh().perSecond()),
                        Math.min(t.busyStale().perSecond(), t.busyFresh().perSecond()) >= 400));
            });
        }
        largestCampaign().ifPresent(big -> {
            int units = big.units();
            Subject.OwnWork own = big.ownWork();
            targets.add(new Target("self-check submit with 44 entries, server time, %,d units, p95 ≤ 50 ms".formatted(units),
                    "%.1f ms (%,d submits)".formatted(own.submitP95Ms(), own.submits()), own.submitP95Ms() <= 50));
            targets.add(new Target("verification with findings, server time, %,d units, p95 ≤ 30 ms".formatted(units),
                    "%.1f ms (%,d verifications)".formatted(own.verifyWithFindingsP95Ms(), own.verificationsWithFindings()),
                    own.verifyWithFindingsP95Ms() <= 30));
            targets.add(new Target("evaluator's spreadsheet upload for all %,d units, server time, ≤ 10 s".formatted(units),
                    "%.1f s (%,d values, %s)".formatted(own.uploadSeconds(), own.uploadValues(), own.uploadEvaluator()),
                    own.uploadSeconds() >= 0 && own.uploadSeconds() <= 10));
            targets.add(new Target("from closing the late units to every unit graded, %,d units, ≤ 10 s".formatted(units),
                    "%.1f s (scored %.1f s, comprehensive evaluation %.1f s, grading %.1f s)".formatted(big.closedToGradedSeconds(),
                            big.closedToScoredSeconds(), big.comprehensiveSeconds(), big.gradingSeconds()),
                    big.closedToGradedSeconds() <= 10));
            for (PageProbe.Timing page : big.pages().pages()) {
                targets.add(new Target("page at %,d units, %d office users at once: %s, p95 < 500 ms".formatted(units,
                        machinePageUsers(), page.page()), "%.0f ms".formatted(page.p95Ms()), page.p95Ms() < 500));
            }
            for (PageProbe.Export export : big.pages().exports()) {
                targets.add(new Target("export at %,d units: %s ≤ 5 s".formatted(units, export.export()),
                        "%.2f s".formatted(export.maxSeconds()), export.maxSeconds() <= 5));
            }
            targets.add(new Target("feedback window at %,d units: opens for every unit and closes by its timer, 0 incidents"
                    .formatted(units), "opened in %.1f s, %,d timers in %.1f s, %d incidents".formatted(
                            big.feedbackLaunchSeconds(), big.feedbackTimers(), big.feedbackDrainSeconds(), big.incidents()),
                    big.incidents() == 0));
            targets.add(new Target("rectification at %,d units: launched after publication, 0 incidents, 0 failed job attempts"
                    .formatted(units), "%,d tasks in %.1f s, %d incidents, %d failed job attempts".formatted(
                            big.rectificationTasks(), big.rectificationSeconds(), big.incidents(), big.failedJobAttempts()),
                    big.rectificationTasks() > 0 && big.incidents() == 0 && big.failedJobAttempts() == 0));
        });
        long incidents = of("campaign").stream().mapToLong(Lifecycle.Result::incidents).sum();
        targets.add(new Target("incidents, all campaign runs = 0", String.valueOf(incidents), incidents == 0));
        long failed = of("campaign").stream().mapToLong(Lifecycle.Result::failedJobAttempts).sum();
        targets.add(new Target("failed job attempts, all campaign runs = 0", String.valueOf(failed), failed == 0));
        double during = of("campaign").stream().mapToDouble(Lifecycle.Result::dbDuringLiveKbPerUnit).max().orElse(0);
        double after = of("campaign").stream().mapToDouble(Lifecycle.Result::dbLiveKbPerUnit).max().orElse(0);
        targets.add(new Target("database, live data during / just after the campaign ≤ 100 KB per unit (largest of the runs)",
                "%.1f / %.1f KB".formatted(during, after), Math.max(during, after) <= 100));
        double cleaned = of("campaign").stream().mapToDouble(r -> r.cleanup().liveKbPerUnit()).max().orElse(0);
        long cleanupIncidents = of("campaign").stream().mapToLong(r -> r.cleanup().incidentsAfter()).sum();
        targets.add(new Target("database after the history time to live and Camunda's history cleanup ≤ 60 KB per unit (largest of the runs)",
                "%.1f KB (%d incidents)".formatted(cleaned, cleanupIncidents), cleaned <= 60 && cleanupIncidents == 0));
        return targets;
    }

    private int machinePageUsers() {
        return Integer.parseInt(machine.getOrDefault("pageUsers", "5"));
    }

    private static Target ratioTarget(String phase, int units, double ratio, double limit) {
        return new Target("campaign ÷ baseline, %s, %,d units ≤ %.1f".formatted(phase, units, limit), "%.2f".formatted(ratio),
                ratio <= limit);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Measured on ").append(machine.get("date")).append(": ").append(machine.get("cores")).append(" cores (")
                .append(machine.get("cpu")).append("), ").append(machine.get("memory")).append(" memory, ")
                .append(machine.get("database")).append(", Java ").append(machine.get("java")).append(", heap ")
                .append(machine.get("maxHeap")).append(". Job executor: ").append(machine.get("jobExecutor"))
                .append(". Bots: ").append(machine.get("bots")).append(". The whole benchmark up to this size took ")
                .append(machine.get("duration")).append(", database server start included.\n\n");
        md.append("| units | subject | launch | reminder burst | deadline burst | scoring | closed → every unit graded "
                + "| feedback window: opened / closed by timer | whole lifecycle | DB per unit: live during / on disk after "
                + "/ live after / live after history cleanup | incidents | failed job attempts | peak heap |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Lifecycle.Result r : results) {
            md.append(("| %,d | %s | %.0f units/s (%.1f s) | %,d timers in %.1f s | %,d timers in %.1f s | %.2f s | %.1f s "
                    + "| %.1f s / %,d timers in %.1f s | %.1f s | %.1f / %.1f / %.1f / %.1f KB | %d | %d | %.0f MB |\n")
                    .formatted(r.units(), r.subject(), r.launchRate(), r.launchSeconds(), r.reminderTimers(),
                            r.reminderDrainSeconds(), r.deadlineTimers(), r.deadlineDrainSeconds(), r.scoringSeconds(),
                            r.closedToGradedSeconds(), r.feedbackLaunchSeconds(), r.feedbackTimers(), r.feedbackDrainSeconds(),
                            r.lifecycleSeconds(), r.dbDuringLiveKbPerUnit(), r.dbKbPerUnit(), r.dbLiveKbPerUnit(),
                            r.cleanup().liveKbPerUnit(), r.incidents(), r.failedJobAttempts(), r.peakHeapMb()));
        }
        md.append("\nTasklist (p50 / p95; busy also answers per second; open loop p50 / p95 / p99):\n\n");
        md.append("| units | subject | paced, stale stats | paced, fresh | busy, stale | busy, fresh | open loop, stale "
                + "| open loop, fresh | in-process, stale | in-process, fresh |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Lifecycle.Result r : results) {
            Lifecycle.Latencies t = r.taskList();
            md.append("| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n".formatted(r.units(), r.subject(),
                    latency(t.pacedStale()), latency(t.pacedFresh()), busy(t.busyStale()), busy(t.busyFresh()),
                    openLoop(t.openLoopStale()), openLoop(t.openLoopFresh()), latency(t.inProcessStale()),
                    latency(t.inProcessFresh())));
        }
        md.append("\n| units | campaign ÷ baseline: whole lifecycle | launch | reminder burst | deadline burst "
                + "| DB per unit: on disk after | live after | live after history cleanup |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Ratio ratio : ratios()) {
            md.append("| %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n".formatted(ratio.units(), ratio.lifecycle(),
                    ratio.launch(), ratio.reminderDrain(), ratio.deadlineDrain(), ratio.dbPerUnit(), ratio.dbLivePerUnit(),
                    ratio.dbAfterCleanupPerUnit()));
        }
        md.append("\nThe application's own work, timed at the server (in its JVM, around the service calls the action makes):\n\n");
        md.append("| units | self-check submit, 44 entries: p95 | verification with findings: p95 | evaluator's spreadsheet upload "
                + "| closed → scored | comprehensive evaluation | grading |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Lifecycle.Result r : of("campaign")) {
            Subject.OwnWork own = r.ownWork();
            md.append("| %,d | %.1f ms (%,d) | %.1f ms (%,d) | %.1f s (%,d values) | %.1f s | %.1f s | %.1f s |\n".formatted(
                    r.units(), own.submitP95Ms(), own.submits(), own.verifyWithFindingsP95Ms(), own.verificationsWithFindings(),
                    own.uploadSeconds(), own.uploadValues(), r.closedToScoredSeconds(), r.comprehensiveSeconds(),
                    r.gradingSeconds()));
        }
        md.append("\nPages over HTTP with every input in and the scores computed (comprehensive evaluation open), ")
                .append(machinePageUsers()).append(" users at once, each answer checked (HTTP 200 and the unit it is about):\n\n");
        md.append("| units | page | path | as | requests | p50 | p95 | max |\n|---:|---|---|---|---:|---:|---:|---:|\n");
        for (Lifecycle.Result r : of("campaign")) {
            for (PageProbe.Timing page : r.pages().pages()) {
                md.append("| %,d | %s | `%s` | %s | %d | %.1f ms | %.1f ms | %.1f ms |\n".formatted(r.units(), page.page(),
                        page.path(), page.user(), page.samples(), page.p50Ms(), page.p95Ms(), page.maxMs()));
            }
            for (PageProbe.Export export : r.pages().exports()) {
                md.append("| %,d | %s | `%s` | %s | %d | – | – | %.2f s (%,d bytes) |\n".formatted(r.units(), export.export(),
                        export.path(), export.user(), export.runs(), export.maxSeconds(), export.bytes()));
            }
        }
        largestCampaign().ifPresent(r -> {
            md.append("\nLargest tables of the campaign at ").append("%,d".formatted(r.units()))
                    .append(" units, live data per unit (tables with their indexes), just after the campaign: ");
            md.append(tables(r.largestTablesKbPerUnit())).append("; after the history cleanup (")
                    .append("%,d → %,d historic process instances in %.1f s): ".formatted(r.cleanup().historicInstancesBefore(),
                            r.cleanup().historicInstancesAfter(), r.cleanup().seconds()))
                    .append(tables(r.cleanup().largestTablesKbPerUnit())).append(".\n");
        });
        results.stream().filter(r -> r.subject().equals("campaign") && r.rectificationTasks() >= 0).forEach(r ->
                md.append("\nRectification at %,d units: items built and %,d tasks 落实整改 opened in %.1f s after publication."
                        .formatted(r.units(), r.rectificationTasks(), r.rectificationSeconds())));
        md.append("\n");
        largestCampaign().filter(r -> r.units() < LARGEST_TARGET_SIZE).ifPresent(r -> md.append(
                "\nThis run's largest size is %,d units: the targets set for 6,000 units are judged at it.\n".formatted(r.units())));
        md.append("\n| target | measured | met |\n|---|---:|---|\n");
        for (Target target : targets()) {
            md.append("| ").append(target.target()).append(" | ").append(target.measured()).append(" | ")
                    .append(target.met() ? "yes" : "**no**").append(" |\n");
        }
        return md.toString();
    }

    private static String tables(Map<String, Double> kbPerUnit) {
        return String.join(", ", kbPerUnit.entrySet().stream().map(e -> "%s %.1f KB".formatted(e.getKey(), e.getValue())).toList());
    }

    private static String latency(TaskListProbe.Latency latency) {
        return latency == null ? "–" : "%.1f / %.1f ms".formatted(latency.p50Ms(), latency.p95Ms());
    }

    private static String busy(TaskListProbe.Latency latency) {
        return latency == null ? "–" : "%.1f / %.1f ms, %.0f/s".formatted(latency.p50Ms(), latency.p95Ms(), latency.perSecond());
    }

    private static String openLoop(TaskListProbe.OpenLoop loop) {
        return loop == null ? "–" : "%.1f / %.1f / %.1f ms".formatted(loop.p50Ms(), loop.p95Ms(), loop.p99Ms());
    }

    String csv() {
        StringBuilder csv = new StringBuilder("units,subject,launch_seconds,launch_units_per_s,reminder_timers,reminder_drain_s,"
                + "deadline_timers,deadline_drain_s,scoring_s,lifecycle_s,paced_stale_p50_ms,paced_stale_p95_ms,paced_fresh_p50_ms,"
                + "paced_fresh_p95_ms,busy_stale_p50_ms,busy_stale_p95_ms,busy_fresh_p50_ms,busy_fresh_p95_ms,"
                + "inprocess_stale_p50_ms,inprocess_stale_p95_ms,inprocess_fresh_p50_ms,inprocess_fresh_p95_ms,"
                + "busy_stale_per_s,busy_fresh_per_s,open_loop_stale_p50_ms,open_loop_stale_p95_ms,open_loop_stale_p99_ms,"
                + "open_loop_fresh_p50_ms,open_loop_fresh_p95_ms,open_loop_fresh_p99_ms,closed_to_graded_s,"
                + "db_during_live_kb_per_unit,db_kb_per_unit,db_live_kb_per_unit,db_after_cleanup_kb_per_unit,history_cleanup_s,"
                + "incidents,failed_job_attempts,peak_heap_mb\n");
        for (Lifecycle.Result r : results) {
            Lifecycle.Latencies t = r.taskList();
            csv.append(String.join(",", String.valueOf(r.units()), r.subject(), num(r.launchSeconds()), num(r.launchRate()),
                    String.valueOf(r.reminderTimers()), num(r.reminderDrainSeconds()), String.valueOf(r.deadlineTimers()),
                    num(r.deadlineDrainSeconds()), num(r.scoringSeconds()), num(r.lifecycleSeconds()),
                    p50(t.pacedStale()), p95(t.pacedStale()), p50(t.pacedFresh()), p95(t.pacedFresh()),
                    p50(t.busyStale()), p95(t.busyStale()), p50(t.busyFresh()), p95(t.busyFresh()),
                    p50(t.inProcessStale()), p95(t.inProcessStale()), p50(t.inProcessFresh()), p95(t.inProcessFresh()),
                    perSecond(t.busyStale()), perSecond(t.busyFresh()), loop(t.openLoopStale()), loop(t.openLoopFresh()),
                    num(r.closedToGradedSeconds()), num(r.dbDuringLiveKbPerUnit()), num(r.dbKbPerUnit()), num(r.dbLiveKbPerUnit()),
                    num(r.cleanup().liveKbPerUnit()), num(r.cleanup().seconds()), String.valueOf(r.incidents()), String.valueOf(r.failedJobAttempts()),
                    num(r.peakHeapMb()))).append('\n');
        }
        return csv.toString();
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String perSecond(TaskListProbe.Latency latency) {
        return latency == null ? "" : num(latency.perSecond());
    }

    private static String loop(TaskListProbe.OpenLoop loop) {
        return loop == null ? ",," : num(loop.p50Ms()) + "," + num(loop.p95Ms()) + "," + num(loop.p99Ms());
    }

    private static String p50(TaskListProbe.Latency latency) {
        return latency == null ? "" : num(latency.p50Ms());
    }

    private static String p95(TaskListProbe.Latency latency) {
        return latency == null ? "" : num(latency.p95Ms());
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("results", results);
        json.put("ratios", ratios());
        json.put("targets", targets());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("campaign-benchmark.json").toFile(), json);
        Files.writeString(directory.resolve("campaign-benchmark.csv"), csv());
        Files.writeString(directory.resolve("campaign-benchmark.md"), markdown());
    }

    /** Replaces what stands between the two markers in the README with this report. */
    void updateReadme(Path readme) throws IOException {
        String text = Files.readString(readme);
        int begin = text.indexOf(README_BEGIN);
        int end = text.indexOf(README_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(readme + " has no " + README_BEGIN + " … " + README_END + " section");
        }
        Files.writeString(readme, text.substring(0, begin + README_BEGIN.length()) + "\n" + markdown()
                + text.substring(end));
    }

    private List<Lifecycle.Result> of(String subject) {
        return results.stream().filter(r -> r.subject().equals(subject)).toList();
    }

    private Optional<Lifecycle.Result> find(String subject, int units) {
        return results.stream().filter(r -> r.subject().equals(subject) && r.units() == units).findFirst();
    }
}
