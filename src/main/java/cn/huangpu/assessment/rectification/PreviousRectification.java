package cn.huangpu.assessment.rectification;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.RecordSuggestion;
import cn.huangpu.assessment.results.InputEvidence;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A later campaign's view of the previous one's rectification: for each input whose catalogue entry suggests a score
 * from the {@code rectification} record (2023: 5.5 工作整改落实情况), each unit's record (rate on time, items closed
 * unfixed, days overdue) and the score the catalogue's rule suggests. The comprehensive evaluation shows them beside
 * the input; the facts carry them as evidence lines, so the score sheet cites the record under 5.5's line.
 */
@Component
@Transactional(readOnly = true)
public class PreviousRectification implements InputEvidence {

    private final CampaignService campaigns;
    private final RectificationTracking tracking;

    PreviousRectification(CampaignService campaigns, RectificationTracking tracking) {
        this.campaigns = campaigns;
        this.tracking = tracking;
    }

    /** A unit's record in the previous campaign, with what the catalogue's rule suggests for it. */
    public record Suggested(int previousYear, RectificationTracking.Record record, BigDecimal points) {

        /** The record in the words of the page and the sheet. */
        public List<String> lines() {
            if (record.items() == 0) {
                return List.of(previousYear + "年度整改情况：无整改项", "按指标目录规则建议得分：" + plain(points) + "分");
            }
            BigDecimal rate = record.onTimeRate().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.DOWN);
            return List.of(previousYear + "年度整改情况：整改项" + record.items() + "项，按期整改" + record.fixedOnTime()
                            + "项（按期整改率" + plain(rate) + "%），未整改关闭" + record.closedUnfixed() + "项，逾期"
                            + record.daysOverdue() + "天" + (record.finished() ? "" : "（整改尚未结束）"),
                    "按指标目录规则建议得分：" + plain(points) + "分");
        }

        private static String plain(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        }
    }

    /** The latest published campaign of an earlier year than this one, if any. */
    public Optional<CampaignInfo> previous(CampaignInfo campaign) {
        return campaigns.all().stream().filter(c -> c.year() < campaign.year() && c.publishedAt() != null)
                .max(Comparator.comparingInt(CampaignInfo::year));
    }

    /** By "indicator/input" with a rectification suggestion, then by unit code: the previous campaign's records. */
    public Map<String, Map<String, Suggested>> suggestions(CampaignInfo campaign, Catalogue catalogue) {
        Map<String, Map<String, Suggested>> byInput = new HashMap<>();
        List<Map.Entry<String, RecordSuggestion>> rules = catalogue.indicators().stream()
                .flatMap((Indicator i) -> i.inputs().stream().filter(in -> in.suggest() != null
                                && RecordSuggestion.RECTIFICATION.equals(in.suggest().record()))
                        .map((Input in) -> Map.entry(i.code() + "/" + in.name(), in.suggest())))
                .toList();
        if (rules.isEmpty()) {
            return byInput;
        }
        Optional<CampaignInfo> previous = previous(campaign);
        if (previous.isEmpty()) {
            return byInput;
        }
        Map<String, RectificationTracking.Record> records = tracking.records(previous.get().id());
        for (Map.Entry<String, RecordSuggestion> rule : rules) {
            Map<String, Suggested> units = new HashMap<>();
            records.forEach((unit, record) -> units.put(unit, new Suggested(previous.get().year(), record,
                    rule.getValue().suggest(record.onTimeRate(), record.closedUnfixed(), record.daysOverdue()))));
            byInput.put(rule.getKey(), units);
        }
        return byInput;
    }

    @Override
    public Map<String, Map<String, List<String>>> evidence(CampaignInfo campaign, Catalogue catalogue,
                                                           Collection<String> unitCodes) {
        Map<String, Map<String, List<String>>> lines = new HashMap<>();
        suggestions(campaign, catalogue).forEach((key, units) -> unitCodes.forEach(unit -> {
            Suggested suggested = units.get(unit);
            if (suggested != null) {
                lines.computeIfAbsent(unit, u -> new HashMap<>()).put(key, suggested.lines());
            }
        }));
        return lines;
    }
}
