package cn.huangpu.assessment.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test: whole campaigns of N units (60, 600 and 6,000 by default) on PostgreSQL with
 * FULL history and authorization on, each followed by the bare-engine baseline on the same server
 * (see {@link Lifecycle}, {@link AppSubject}, {@link BaselineSubject}). Run with
 * {@code mvn -Pbench -DskipTests verify}; writes {@code target/bench/campaign-benchmark.{json,csv,md}}
 * and, with {@code -Dbench.readme=README.md}, the README's benchmark section.
 *
 * <p>Settings (system properties): {@code bench.sizes}, {@code bench.late-share} (share of units that miss the
 * deadline), {@code bench.unit-bots}, {@code bench.evaluator-bots}, {@code bench.query-users},
 * {@code bench.query-rounds}, {@code bench.paced-rounds}, {@code bench.think-millis}, {@code bench.open-loop-rate}
 * (Tasklist list requests arriving per second) and {@code bench.open-loop-seconds}, {@code bench.page-users}
 * (office users asking for the pages at once) and {@code bench.page-rounds} (requests each per page),
 * {@code bench.db-url} / {@code bench.db-user} / {@code bench.db-password} (a PostgreSQL server instead of the
 * embedded one).
 */
public final class CampaignBenchmark {

    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "60,600,6000").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        Lifecycle.Settings settings = new Lifecycle.Settings(
                Double.parseDouble(System.getProperty("bench.late-share", "0.1")),
                Integer.getInteger("bench.unit-bots", 4), Integer.getInteger("bench.evaluator-bots", 2),
                Integer.getInteger("bench.query-users", 20), Integer.getInteger("bench.query-rounds", 50),
                Integer.getInteger("bench.paced-rounds", 25), Integer.getInteger("bench.think-millis", 500),
                Integer.getInteger("bench.open-loop-rate", 100), Integer.getInteger("bench.open-loop-seconds", 20),
                Integer.getInteger("bench.page-users", 5), Integer.getInteger("bench.page-rounds", 10),
                Duration.ofMinutes(15));
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        String readme = System.getProperty("bench.readme", "");
        // For quick rounds on the application; without the baseline there are no ratios, so no README table.
        boolean campaignOnly = Boolean.getBoolean("bench.campaign-only");
        if (campaignOnly && !readme.isBlank()) {
            throw new IllegalArgumentException("-Dbench.readme needs the baseline runs; drop -Dbench.campaign-only");
        }

        long begin = System.nanoTime();
        try (BenchDatabase database = BenchDatabase.fromSystemProperties()) {
            Map<String, String> machine = machine(database.describe(), settings);
            List<Lifecycle.Result> results = new ArrayList<>();
            for (int units : sizes) {
                String campaignDb = "bench_campaign_" + units;
                String baselineDb = "bench_baseline_" + units;
                JobSettings jobs;
                List<String> unitCodes;
                List<String> evaluatorCodes;
                int launchBatch;
                int poolSize;
                try (AppSubject app = new AppSubject(database, database.create(campaignDb), units)) {
                    jobs = app.jobSettings();
                    machine.put("jobExecutor", jobs.toString());
                    results.add(new Lifecycle(database, campaignDb, app, settings).run());
                    unitCodes = app.unitCodes();
                    evaluatorCodes = app.evaluatorCodes();
                    launchBatch = app.launchBatchSize();
                    poolSize = app.poolSize();
                }
                if (!campaignOnly) {
                    try (BaselineSubject baseline = new BaselineSubject(database, database.create(baselineDb), unitCodes,
                            evaluatorCodes, jobs, launchBatch, poolSize)) {
                        results.add(new Lifecycle(database, baselineDb, baseline, settings).run());
                    }
                }
                long seconds = (System.nanoTime() - begin) / 1_000_000_000L;
                machine.put("duration", "%d min %02d s".formatted(seconds / 60, seconds % 60));
                Report report = new Report(machine, results);
                report.write(out);
                System.out.println(report.markdown());
            }
            if (!readme.isBlank()) {
                new Report(machine, results).updateReadme(Path.of(readme));
            }
        }
    }

    private static Map<String, String> machine(String database, Lifecycle.Settings settings) throws IOException {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("cpu", cpuModel());
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        machine.put("memory", "%.0f GiB".formatted(memory / 1024.0 / 1024 / 1024));
        machine.put("database", database);
        machine.put("java", System.getProperty("java.version"));
        machine.put("maxHeap", "%.0f MB".formatted(Runtime.getRuntime().maxMemory() / 1024.0 / 1024));
        machine.put("pageUsers", String.valueOf(settings.pageUsers()));
        machine.put("bots", ("%d unit/office threads, %d evaluator threads, %.0f%% of units late; task list: %d users, "
                + "paced %d requests each %d–%d ms apart, busy %d requests back to back, open loop %d requests/s arriving "
                + "for %d s; pages: %d office users at once, %d requests each per page")
                .formatted(settings.unitBots(), settings.evaluatorBots(), settings.lateShare() * 100, settings.queryUsers(),
                        settings.pacedRounds(), settings.thinkMillis() / 2, settings.thinkMillis() * 3 / 2, settings.queryRounds(),
                        settings.openLoopRate(), settings.openLoopSeconds(), settings.pageUsers(), settings.pageRounds()));
        return machine;
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        return Files.readAllLines(cpuinfo).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse(System.getProperty("os.arch"));
    }
}
