package cn.huangpu.assessment.scoring;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.scoring.UnitFacts.IndicatorFacts;
import cn.huangpu.assessment.scoring.UnitFacts.Judgement;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark, not a test: scores N units × 44 indicators (explanations included) with the real 2023
 * catalogue, after warm-up rounds, and reports the median and spread of the measured rounds.
 * Run with {@code mvn -Pbench-scoring -DskipTests verify}; writes {@code target/bench/scoring.md} and {@code .json}.
 */
public final class ScoringBenchmark {

    public static void main(String[] args) throws IOException {
        int units = Integer.getInteger("bench.units", 6000);
        int warmups = Integer.getInteger("bench.warmups", 10);
        int rounds = Integer.getInteger("bench.rounds", 20);
        Catalogue catalogue = TestCatalogues.catalogue2023();
        List<UnitFacts> facts = syntheticUnits(catalogue, units, new Random(20231120L));
        ScoreCalculator calculator = new ScoreCalculator();

        long checksum = 0;
        for (int i = 0; i < warmups; i++) {
            checksum += run(calculator, catalogue, facts);
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            checksum += run(calculator, catalogue, facts);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        double median = (millis[(rounds - 1) / 2] + millis[rounds / 2]) / 2;
        String machine = Runtime.getRuntime().availableProcessors() + " cores, "
                + ManagementFactory.getOperatingSystemMXBean().getArch() + ", Java " + System.getProperty("java.version");
        String markdown = """
                | units × indicators | rounds (after %d warm-up) | median | min | max | p90 | machine |
                |---|---|---|---|---|---|---|
                | %d × %d | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |
                """.formatted(warmups, units, catalogue.indicators().size(), rounds, median, millis[0],
                millis[rounds - 1], millis[(int) Math.ceil(rounds * 0.9) - 1], machine);
        String json = """
                {"units": %d, "indicators": %d, "warmups": %d, "rounds": %d, "medianMs": %.1f, "minMs": %.1f, \
                "maxMs": %.1f, "machine": "%s", "checksum": %d}
                """.formatted(units, catalogue.indicators().size(), warmups, rounds, median, millis[0],
                millis[rounds - 1], machine, checksum);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("scoring.md"), markdown);
        Files.writeString(out.resolve("scoring.json"), json);
        System.out.println(markdown);
    }

    /** Scores every unit; returns a checksum so that the work cannot be optimised away. */
    private static long run(ScoreCalculator calculator, Catalogue catalogue, List<UnitFacts> facts) {
        long sum = 0;
        for (UnitFacts unit : facts) {
            ScoreSheet sheet = calculator.score(catalogue, unit);
            sum += sheet.total().unscaledValue().longValue() + sheet.indicators().get(43).explanation().size();
        }
        return sum;
    }

    static List<UnitFacts> syntheticUnits(Catalogue catalogue, int count, Random random) {
        List<UnitFacts> units = new ArrayList<>(count);
        for (int u = 0; u < count; u++) {
            Map<String, IndicatorFacts> indicators = new LinkedHashMap<>();
            for (Indicator indicator : catalogue.indicators()) {
                boolean notInvolved = indicator.notInvolvedAllowed() && random.nextInt(10) == 0;
                Map<String, Object> values = new HashMap<>();
                for (Input input : indicator.inputs()) {
                    values.put(input.name(), value(input, random));
                }
                indicators.put(indicator.code(), new IndicatorFacts(notInvolved, values));
            }
            units.add(new UnitFacts(catalogue.year(), indicators));
        }
        return units;
    }

    private static Object value(Input input, Random random) {
        return switch (input.type()) {
            case COUNT -> BigDecimal.valueOf(random.nextInt(random.nextInt(10) == 0 ? 200 : 4));
            case FLAG -> random.nextInt(4) > 0;
            case RATE -> BigDecimal.valueOf(70 + random.nextInt(31), 2);
            case NUMBER -> BigDecimal.valueOf(random.nextInt(2000), 1);
            case DATE -> LocalDate.of(2023, 1, 10 + random.nextInt(15));
            case CHOICE -> input.options().get(random.nextInt(input.options().size())).code();
            case JUDGEMENT -> new Judgement(BigDecimal.valueOf(random.nextInt(input.max().intValue() * 2 + 1), 0)
                    .multiply(new BigDecimal("0.5")), "按完成情况评分");
        };
    }
}
