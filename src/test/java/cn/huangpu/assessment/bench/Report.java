package cn.huangpu.assessment.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
                 double dbLivePerUnit) {
    }

    record Target(String target, String measured, boolean met) {
    }

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
                    campaign.dbLiveKbPerUnit() / baseline.dbLiveKbPerUnit())));
        }
        return ratios;
    }

    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (Ratio ratio : ratios()) {
            targets.add(new Target("campaign ÷ baseline, whole lifecycle, " + ratio.units() + " units ≤ 1.3",
                    "%.2f".formatted(ratio.lifecycle()), ratio.lifecycle() <= 1.3));
        }
        find("campaign", 6000).ifPresent(big -> {
            targets.add(new Target("launch at 6,000 units ≥ 300 units/s", "%.0f units/s".formatted(big.launchRate()),
                    big.launchRate() >= 300));
            targets.add(new Target("reminder burst at 6,000 units drained ≤ 30 s",
                    "%.1f s (%d timers)".formatted(big.reminderDrainSeconds(), big.reminderTimers()), big.reminderDrainSeconds() <= 30));
            targets.add(new Target("deadline burst at 6,000 units drained ≤ 30 s",
                    "%.1f s (%d timers)".formatted(big.deadlineDrainSeconds(), big.deadlineTimers()), big.deadlineDrainSeconds() <= 30));
            targets.add(new Target("whole lifecycle at 6,000 units ≤ 5 min", "%.1f s".formatted(big.lifecycleSeconds()),
                    big.lifecycleSeconds() <= 300));
        });
        for (int units : new int[] {600, 6000}) {
            find("campaign", units).ifPresent(r -> {
                Lifecycle.Latencies t = r.taskList();
                targets.add(new Target("Tasklist p95 over HTTP, 20 users working (paced), " + units
                        + " units < 50 ms, stale / fresh statistics", "%.1f / %.1f ms".formatted(t.pacedStale().p95Ms(),
                        t.pacedFresh().p95Ms()), Math.max(t.pacedStale().p95Ms(), t.pacedFresh().p95Ms()) < 50));
                targets.add(new Target("Tasklist p95 over HTTP, 20 users asking back to back (busy), " + units
                        + " units < 50 ms, stale / fresh statistics", "%.1f / %.1f ms".formatted(t.busyStale().p95Ms(),
                        t.busyFresh().p95Ms()), Math.max(t.busyStale().p95Ms(), t.busyFresh().p95Ms()) < 50));
            });
        }
        long incidents = of("campaign").stream().mapToLong(Lifecycle.Result::incidents).sum();
        targets.add(new Target("incidents, all campaign runs = 0", String.valueOf(incidents), incidents == 0));
        double maxKb = of("campaign").stream().mapToDouble(Lifecycle.Result::dbKbPerUnit).max().orElse(0);
        double maxLiveKb = of("campaign").stream().mapToDouble(Lifecycle.Result::dbLiveKbPerUnit).max().orElse(0);
        targets.add(new Target("database ≤ 50 KB per unit (largest of the runs), on disk after the run / live data",
                "%.1f / %.1f KB".formatted(maxKb, maxLiveKb), maxKb <= 50));
        return targets;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Measured on ").append(machine.get("date")).append(": ").append(machine.get("cores")).append(" cores (")
                .append(machine.get("cpu")).append("), ").append(machine.get("memory")).append(" memory, ")
                .append(machine.get("database")).append(", Java ").append(machine.get("java")).append(", heap ")
                .append(machine.get("maxHeap")).append(". Job executor: ").append(machine.get("jobExecutor"))
                .append(". Bots: ").append(machine.get("bots")).append(". The whole benchmark up to this size took ")
                .append(machine.get("duration")).append(", database server start included.\n\n");
        md.append("| units | subject | launch | reminder burst | deadline burst | scoring | whole lifecycle "
                + "| Tasklist p50 / p95, paced, stale stats | paced, fresh | busy, stale | busy, fresh "
                + "| in-process, stale | in-process, fresh | DB per unit: on disk / live | incidents | failed job attempts | peak heap |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Lifecycle.Result r : results) {
            Lifecycle.Latencies t = r.taskList();
            md.append("| %,d | %s | %.0f units/s (%.1f s) | %,d timers in %.1f s | %,d timers in %.1f s | %.2f s | %.1f s | %s | %s | %s | %s | %s | %s | %.1f / %.1f KB | %d | %d | %.0f MB |\n"
                    .formatted(r.units(), r.subject(), r.launchRate(), r.launchSeconds(), r.reminderTimers(),
                            r.reminderDrainSeconds(), r.deadlineTimers(), r.deadlineDrainSeconds(), r.scoringSeconds(),
                            r.lifecycleSeconds(), latency(t.pacedStale()), latency(t.pacedFresh()), latency(t.busyStale()),
                            latency(t.busyFresh()), latency(t.inProcessStale()), latency(t.inProcessFresh()), r.dbKbPerUnit(),
                            r.dbLiveKbPerUnit(), r.incidents(), r.failedJobAttempts(), r.peakHeapMb()));
        }
        md.append("\n| units | campaign ÷ baseline: whole lifecycle | launch | reminder burst | deadline burst | DB per unit: on disk | live |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Ratio ratio : ratios()) {
            md.append("| %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |\n".formatted(ratio.units(), ratio.lifecycle(),
                    ratio.launch(), ratio.reminderDrain(), ratio.deadlineDrain(), ratio.dbPerUnit(), ratio.dbLivePerUnit()));
        }
        results.stream().filter(r -> r.subject().equals("campaign")).reduce((first, second) -> second).ifPresent(r -> {
            md.append("\nLargest tables of the campaign at ").append("%,d".formatted(r.units()))
                    .append(" units, live data per unit (tables with their indexes): ");
            md.append(String.join(", ", r.largestTablesKbPerUnit().entrySet().stream()
                    .map(e -> "%s %.1f KB".formatted(e.getKey(), e.getValue())).toList())).append(".\n");
        });
        results.stream().filter(r -> r.subject().equals("campaign") && r.rectificationTasks() >= 0).forEach(r ->
                md.append("\nRectification at %,d units: items built and %,d tasks 落实整改 opened in %.1f s after publication."
                        .formatted(r.units(), r.rectificationTasks(), r.rectificationSeconds())));
        md.append("\n| target | measured | met |\n|---|---:|---|\n");
        for (Target target : targets()) {
            md.append("| ").append(target.target()).append(" | ").append(target.measured()).append(" | ")
                    .append(target.met() ? "yes" : "**no**").append(" |\n");
        }
        return md.toString();
    }

    private static String latency(TaskListProbe.Latency latency) {
        return latency == null ? "–" : "%.1f / %.1f ms".formatted(latency.p50Ms(), latency.p95Ms());
    }

    String csv() {
        StringBuilder csv = new StringBuilder("units,subject,launch_seconds,launch_units_per_s,reminder_timers,reminder_drain_s,"
                + "deadline_timers,deadline_drain_s,scoring_s,lifecycle_s,paced_stale_p50_ms,paced_stale_p95_ms,paced_fresh_p50_ms,"
                + "paced_fresh_p95_ms,busy_stale_p50_ms,busy_stale_p95_ms,busy_fresh_p50_ms,busy_fresh_p95_ms,"
                + "inprocess_stale_p50_ms,inprocess_stale_p95_ms,inprocess_fresh_p50_ms,inprocess_fresh_p95_ms,"
                + "db_kb_per_unit,db_live_kb_per_unit,incidents,failed_job_attempts,peak_heap_mb\n");
        for (Lifecycle.Result r : results) {
            Lifecycle.Latencies t = r.taskList();
            csv.append(String.join(",", String.valueOf(r.units()), r.subject(), num(r.launchSeconds()), num(r.launchRate()),
                    String.valueOf(r.reminderTimers()), num(r.reminderDrainSeconds()), String.valueOf(r.deadlineTimers()),
                    num(r.deadlineDrainSeconds()), num(r.scoringSeconds()), num(r.lifecycleSeconds()),
                    p50(t.pacedStale()), p95(t.pacedStale()), p50(t.pacedFresh()), p95(t.pacedFresh()),
                    p50(t.busyStale()), p95(t.busyStale()), p50(t.busyFresh()), p95(t.busyFresh()),
                    p50(t.inProcessStale()), p95(t.inProcessStale()), p50(t.inProcessFresh()), p95(t.inProcessFresh()),
                    num(r.dbKbPerUnit()), num(r.dbLiveKbPerUnit()), String.valueOf(r.incidents()), String.valueOf(r.failedJobAttempts()),
                    num(r.peakHeapMb()))).append('\n');
        }
        return csv.toString();
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
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
