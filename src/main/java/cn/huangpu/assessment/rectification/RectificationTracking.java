package cn.huangpu.assessment.rectification;

import cn.huangpu.assessment.directory.ReferenceData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the office follows of a campaign's rectification (the dashboard's stage, the circular): items per unit,
 * fixed, closed, sent back, overdue, the oldest open items; and what a later campaign reads of a unit's
 * rectification (its record for 5.5).
 */
@Service
@Transactional(readOnly = true)
public class RectificationTracking {

    /** How many of the oldest open items the dashboard lists. */
    static final int OLDEST = 10;

    private final RectificationService rectification;
    private final ReferenceData referenceData;
    private final RectificationSettings settings;
    private final Clock clock;

    RectificationTracking(RectificationService rectification, ReferenceData referenceData,
                          RectificationSettings settings, Clock clock) {
        this.rectification = rectification;
        this.referenceData = referenceData;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Each unit's rectification status as the public results page shows it (无需整改, 整改中 3/5, 整改完成), or empty
     * when the setting {@code assessment.rectification.show-on-public-page} is off (the default).
     */
    public Optional<Map<String, String>> publicStatus(Long campaignId) {
        if (!settings.showOnPublicPage()) {
            return Optional.empty();
        }
        Map<String, List<RectificationItem>> byUnit = rectification.allItems(campaignId).stream()
                .filter(i -> i.status() != ItemStatus.REMOVED)
                .collect(Collectors.groupingBy(RectificationItem::unitCode));
        Map<String, String> shown = new HashMap<>();
        for (UnitStage stage : rectification.stages(campaignId)) {
            List<RectificationItem> items = byUnit.getOrDefault(stage.unitCode(), List.of());
            long settled = items.stream().filter(i -> i.status().isSettled()).count();
            shown.put(stage.unitCode(), items.isEmpty() ? UnitStage.Status.NONE.label()
                    : stage.status().label() + "（" + settled + "/" + items.size() + "项）");
        }
        return Optional.of(shown);
    }

    /** One unit's counts; {@code sentBack} counts send-backs, so a sent-back item that is fixed since still counts. */
    public record UnitRow(String unitCode, String unitName, int items, int fixed, int closedUnfixed, int toReview,
                          int open, int sentBack, Instant due, boolean overdue, String status) {
    }

    /** An item still waiting for the unit or the office, with how long it has been. */
    public record OpenItem(RectificationItem item, String unitName, long days) {
    }

    /** The stage: units with items (in the office's order), totals and the oldest open items. */
    public record Overview(List<UnitRow> units, int items, int fixed, int closedUnfixed, int sentBack, int open,
                           int overdueUnits, List<OpenItem> oldest) {

        public boolean isEmpty() {
            return units.isEmpty();
        }
    }

    public Overview overview(Long campaignId) {
        Map<String, List<RectificationItem>> byUnit = rectification.allItems(campaignId).stream()
                .filter(i -> i.status() != ItemStatus.REMOVED)
                .collect(Collectors.groupingBy(RectificationItem::unitCode));
        Map<String, UnitStage> stages = new HashMap<>();
        rectification.stages(campaignId).forEach(s -> stages.put(s.unitCode(), s));
        List<UnitRow> rows = new ArrayList<>();
        Map<String, String> names = referenceData.unitNames();
        for (String code : referenceData.unitOrder().sorted(byUnit.keySet(), code -> code)) {
            List<RectificationItem> items = byUnit.get(code);
            UnitStage stage = stages.get(code);
            rows.add(new UnitRow(code, names.getOrDefault(code, code), items.size(),
                    count(items, ItemStatus.FIXED), count(items, ItemStatus.CLOSED_UNFIXED),
                    count(items, ItemStatus.REPORTED), (int) items.stream().filter(i -> i.status().isOpen()).count(),
                    items.stream().mapToInt(RectificationItem::sendBacks).sum(), stage == null ? null : stage.due(),
                    stage != null && stage.overdue() && stage.status() == UnitStage.Status.RECTIFYING,
                    stage == null ? "" : stage.status().label()));
        }
        Instant now = clock.instant();
        List<OpenItem> oldest = byUnit.values().stream().flatMap(List::stream)
                .filter(i -> !i.status().isSettled())
                .sorted(Comparator.comparing(RectificationItem::createdAt).thenComparing(RectificationItem::id))
                .limit(OLDEST)
                .map(i -> new OpenItem(i, names.getOrDefault(i.unitCode(), i.unitCode()),
                        Duration.between(i.createdAt(), now).toDays()))
                .toList();
        return new Overview(rows, rows.stream().mapToInt(UnitRow::items).sum(),
                rows.stream().mapToInt(UnitRow::fixed).sum(), rows.stream().mapToInt(UnitRow::closedUnfixed).sum(),
                rows.stream().mapToInt(UnitRow::sentBack).sum(),
                rows.stream().mapToInt(r -> r.open() + r.toReview()).sum(),
                (int) rows.stream().filter(UnitRow::overdue).count(), oldest);
    }

    /**
     * A unit's rectification record in a campaign, as the next campaign's 5.5 reads it.
     *
     * @param items         items not removed
     * @param fixedOnTime   fixed, and handed in by the deadline as first set
     * @param closedUnfixed closed without a fix
     * @param daysOverdue   whole days from the first deadline to the last hand-in or closing after it (0 if none was late)
     * @param finished      whether every item is settled
     */
    public record Record(Long campaignId, String unitCode, int items, int fixedOnTime, int fixed, int closedUnfixed,
                         long daysOverdue, boolean finished) {

        /** The share of items fixed on time, 0 to 1 (1 without items). */
        public java.math.BigDecimal onTimeRate() {
            return items == 0 ? java.math.BigDecimal.ONE
                    : java.math.BigDecimal.valueOf(fixedOnTime).divide(java.math.BigDecimal.valueOf(items), 4,
                    java.math.RoundingMode.DOWN);
        }
    }

    /** The unit's record in the campaign, or empty when the campaign has no rectification of the unit. */
    public Optional<Record> record(Long campaignId, String unitCode) {
        return rectification.findStage(campaignId, unitCode)
                .map(stage -> record(stage, rectification.items(campaignId, unitCode)));
    }

    /** Every unit's record in the campaign, from two reads, by unit code. */
    public Map<String, Record> records(Long campaignId) {
        Map<String, List<RectificationItem>> byUnit = rectification.allItems(campaignId).stream()
                .collect(Collectors.groupingBy(RectificationItem::unitCode));
        Map<String, Record> records = new HashMap<>();
        for (UnitStage stage : rectification.stages(campaignId)) {
            records.put(stage.unitCode(), record(stage, byUnit.getOrDefault(stage.unitCode(), List.of())));
        }
        return records;
    }

    private Record record(UnitStage stage, List<RectificationItem> all) {
        List<RectificationItem> items = all.stream().filter(i -> i.status() != ItemStatus.REMOVED).toList();
        Instant firstDue = stage.firstDue();
        int onTime = 0;
        Instant latest = null;
        for (RectificationItem item : items) {
            Instant settledAt = item.status() == ItemStatus.CLOSED_UNFIXED && item.reportedAt() == null
                    ? item.decidedAt() : item.reportedAt();
            if (item.status() == ItemStatus.FIXED && firstDue != null && item.reportedAt() != null
                    && !item.reportedAt().isAfter(firstDue)) {
                onTime++;
            }
            if (!item.status().isSettled()) {
                settledAt = clock.instant();
            }
            if (settledAt != null && (latest == null || settledAt.isAfter(latest))) {
                latest = settledAt;
            }
        }
        long days = firstDue == null || latest == null || !latest.isAfter(firstDue) ? 0
                : (Duration.between(firstDue, latest).toHours() + 23) / 24;
        return new Record(stage.campaignId(), stage.unitCode(), items.size(), onTime, count(items, ItemStatus.FIXED),
                count(items, ItemStatus.CLOSED_UNFIXED), days, items.stream().allMatch(i -> i.status().isSettled()));
    }

    private static int count(List<RectificationItem> items, ItemStatus status) {
        return (int) items.stream().filter(i -> i.status() == status).count();
    }
}
