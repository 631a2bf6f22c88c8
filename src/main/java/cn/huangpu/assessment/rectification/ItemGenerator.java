package cn.huangpu.assessment.rectification;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Criterion;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.scoring.ScoreSheet.Explanation;
import cn.huangpu.assessment.scoring.ScoreSheet.IndicatorScore;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.verification.RecordedFinding;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items a unit's published sheet and findings give: one per verification finding (its note and link, the points
 * its criterion takes for its count) and one per other deduction line of the sheet (deduct-if, rate tiers, a judged
 * deduction, a zero-if). Points at stake never add up to more than the indicator lost (a cap or the floor of 0 cut
 * deductions), so later items of an indicator may be at stake for less, or 0. What an award-mode indicator did not
 * earn (no case, no bonus) is not a fault to fix and gives no item; neither does a "not involved" claim.
 * Each item has a key that names its source, which a new publication matches to keep the item's history.
 */
final class ItemGenerator {

    /** An item as its source gives it. */
    record Spec(String sourceKey, String origin, String indicatorCode, String criterion, String text, String url,
                BigDecimal points) {
    }

    private static final Set<Criterion.Kind> DEDUCTIONS = Set.of(Criterion.Kind.DEDUCT_PER, Criterion.Kind.DEDUCT_IF,
            Criterion.Kind.RATE_TIERS, Criterion.Kind.JUDGEMENT_DEDUCT, Criterion.Kind.ZERO_IF);

    private ItemGenerator() {
    }

    static List<Spec> items(Catalogue catalogue, ScoreSheet sheet, List<RecordedFinding> findings) {
        Map<String, List<RecordedFinding>> byIndicator = new HashMap<>();
        findings.stream().sorted(Comparator.comparing(RecordedFinding::id))
                .forEach(f -> byIndicator.computeIfAbsent(f.indicatorCode(), k -> new ArrayList<>()).add(f));
        List<Spec> specs = new ArrayList<>();
        for (IndicatorScore score : sheet.indicators()) {
            Indicator indicator = catalogue.indicator(score.code()).orElse(null);
            if (indicator == null) {
                continue;
            }
            BigDecimal remaining = score.base().subtract(score.basePart()).max(BigDecimal.ZERO);
            Set<String> findingCriteria = new HashSet<>();
            for (RecordedFinding finding : byIndicator.getOrDefault(score.code(), List.of())) {
                Criterion criterion = finding.kind() == FindingKind.NOT_INVOLVED_REJECTED ? null
                        : indicator.criteria().stream().filter(c -> c.kind() == Criterion.Kind.DEDUCT_PER
                                && c.input().equals(finding.inputName())).findFirst().orElse(null);
                BigDecimal points = BigDecimal.ZERO;
                if (criterion != null) {
                    findingCriteria.add(criterion.text());
                    BigDecimal full = criterion.points().multiply(BigDecimal.valueOf(finding.count()));
                    points = full.min(remaining);
                    remaining = remaining.subtract(points);
                }
                specs.add(new Spec("finding:" + finding.id(), "FINDING", score.code(),
                        criterion == null ? finding.kind().label() : criterion.text(), finding.toString(), finding.url(),
                        scaled(points)));
            }
            if (score.notInvolved()) {
                continue;
            }
            Set<String> deductionTexts = new HashSet<>();
            indicator.criteria().stream().filter(c -> DEDUCTIONS.contains(c.kind())).forEach(c -> deductionTexts.add(c.text()));
            Map<String, Integer> seen = new HashMap<>();
            Explanation zeroIf = null;
            for (Explanation line : score.explanation()) {
                if (line.bonus()) {
                    continue;
                }
                if (line.effect().signum() == 0 && deductionTexts.contains(line.criterion())
                        && line.arithmetic().startsWith("符合，本指标不得分")) {
                    zeroIf = line;
                    continue;
                }
                if (line.effect().signum() >= 0 || findingCriteria.contains(line.criterion())) {
                    continue;
                }
                // the zero-if rule's own line carries its effect; the criterion that triggered it names the item
                Explanation named = zeroIf != null && !deductionTexts.contains(line.criterion()) ? zeroIf : line;
                if (named == line && !deductionTexts.contains(line.criterion())) {
                    continue; // a cap of awards, not a deduction
                }
                BigDecimal points = line.effect().negate().min(remaining);
                remaining = remaining.subtract(points);
                int n = seen.merge(named.criterion(), 1, Integer::sum);
                specs.add(new Spec("deduction:" + score.code() + ":" + hash(named.criterion()) + (n > 1 ? "#" + n : ""),
                        "DEDUCTION", score.code(), named.criterion(), named == line ? line.text()
                        : named.text() + "｜" + line.arithmetic(), null, scaled(points)));
                zeroIf = null;
            }
        }
        return specs;
    }

    private static BigDecimal scaled(BigDecimal points) {
        return points.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
