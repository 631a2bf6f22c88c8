package cn.huangpu.assessment.publication;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.progress.ResultsPublished;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.UnitResult;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes approved results and writes the report for the performance leading group (区绩效考核领导小组). */
@Service
@Transactional
public class PublicationService {

    private final CampaignService campaigns;
    private final CampaignScoring scoring;
    private final ReferenceData referenceData;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PublicationService(CampaignService campaigns, CampaignScoring scoring, ReferenceData referenceData, JdbcTemplate jdbc,
                       Clock clock, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.scoring = scoring;
        this.referenceData = referenceData;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Marks the approved results public and records the report of their round, once. */
    public void publish(Long campaignId) {
        CampaignInfo campaign = campaigns.get(campaignId);
        List<UnitResult> results = scoring.latest(campaignId);
        int round = results.stream().mapToInt(UnitResult::round).max().orElse(0);
        Integer existing = jdbc.queryForObject(
                "select count(*) from campaign_report where campaign_id = ? and scoring_round = ?", Integer.class,
                campaignId, round);
        if (existing != null && existing == 0) {
            jdbc.update("insert into campaign_report (campaign_id, scoring_round, content, created_at) values (?, ?, ?, ?)",
                    campaignId, round, report(campaign, results), Timestamp.from(clock.instant()));
        }
        events.publishEvent(new ResultsPublished(campaignId));
    }

    /** A campaign's results as last published: its year, the published round and when. */
    public record Published(Long campaignId, int year, int round, Instant publishedAt) {
    }

    /**
     * Every campaign whose results were published at least once, newest first, with the round that was
     * published last. A campaign reopened since keeps showing what was published, never its work in progress.
     */
    @Transactional(readOnly = true)
    public List<Published> published() {
        // the year from the campaign module, not from its table
        Map<Long, Integer> years = new HashMap<>();
        campaigns.all().forEach(c -> years.put(c.id(), c.year()));
        return jdbc.query("select r.campaign_id, r.scoring_round, r.created_at from campaign_report r"
                        + " where r.scoring_round = (select max(r2.scoring_round)"
                        + " from campaign_report r2 where r2.campaign_id = r.campaign_id)",
                (rs, i) -> new Published(rs.getLong(1), years.get(rs.getLong(1)), rs.getInt(2),
                        rs.getTimestamp(3).toInstant())).stream()
                .sorted(Comparator.comparing(Published::year).reversed()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Published> published(Long campaignId) {
        return published().stream().filter(p -> p.campaignId().equals(campaignId)).findFirst();
    }

    /** The latest report: a ranked table of every unit's total and grade (CSV, UTF-8). */
    @Transactional(readOnly = true)
    public Optional<String> report(Long campaignId) {
        return jdbc.query("select content from campaign_report where campaign_id = ? order by scoring_round desc",
                (rs, i) -> rs.getString(1), campaignId).stream().findFirst();
    }

    private String report(CampaignInfo campaign, List<UnitResult> results) {
        StringBuilder csv = new StringBuilder(campaign.year() + "年度黄浦区政务公开考核评估结果\n");
        csv.append("名次,单位代码,单位,基础得分,额外加分,总分,考核等次\n");
        List<UnitResult> ranked = results.stream()
                .sorted(Comparator.comparing(UnitResult::total).reversed().thenComparing(UnitResult::unitCode))
                .toList();
        for (int i = 0; i < ranked.size(); i++) {
            UnitResult r = ranked.get(i);
            csv.append(i + 1).append(',').append(r.unitCode()).append(',')
                    .append(referenceData.unitName(r.unitCode()))
                    .append(',').append(r.basePoints().toPlainString()).append(',').append(r.bonus().toPlainString())
                    .append(',').append(r.total().toPlainString()).append(',').append(r.grade()).append('\n');
        }
        return csv.toString();
    }
}
