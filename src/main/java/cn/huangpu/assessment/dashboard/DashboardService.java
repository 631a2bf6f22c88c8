package cn.huangpu.assessment.dashboard;

import cn.huangpu.assessment.campaign.Campaign;
import cn.huangpu.assessment.campaign.CampaignDates;
import cn.huangpu.assessment.campaign.CampaignEvaluator;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.CampaignUnit;
import cn.huangpu.assessment.campaign.CampaignSettings;
import cn.huangpu.assessment.dashboard.Dashboard.Deadline;
import cn.huangpu.assessment.dashboard.Dashboard.Stage;
import cn.huangpu.assessment.dashboard.Dashboard.UnitRow;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.grading.CampaignScoring;
import cn.huangpu.assessment.grading.ScoreRecord;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the dashboard of a campaign, and sends the one-click reminders. */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    private final CampaignService campaigns;
    private final CampaignSettings settings;
    private final EvaluationService evaluation;
    private final CampaignScoring scoring;
    private final ReferenceData referenceData;
    private final NotificationService notifications;
    private final Clock clock;

    DashboardService(CampaignService campaigns, CampaignSettings settings, EvaluationService evaluation,
                     CampaignScoring scoring, ReferenceData referenceData, NotificationService notifications, Clock clock) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.evaluation = evaluation;
        this.scoring = scoring;
        this.referenceData = referenceData;
        this.notifications = notifications;
        this.clock = clock;
    }

    public Dashboard dashboard(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        List<CampaignUnit> units = campaigns.units(campaignId);
        List<CampaignEvaluator> evaluators = campaigns.evaluators(campaignId);
        Map<String, Set<String>> missingByEvaluator = new LinkedHashMap<>();
        evaluators.forEach(e -> missingByEvaluator.put(e.getEvaluatorCode(),
                evaluation.unitsMissing(campaignId, e.getEvaluatorCode())));
        Map<String, ScoreRecord> scores = new HashMap<>();
        scoring.latest(campaignId).forEach(r -> scores.put(r.getUnitCode(), r));
        boolean approved = campaign.getStatus() == CampaignStatus.APPROVED || campaign.getStatus() == CampaignStatus.PUBLISHED;
        boolean published = campaign.getStatus() == CampaignStatus.PUBLISHED;
        Map<String, String> names = referenceData.unitNames();

        List<UnitRow> rows = new ArrayList<>();
        for (CampaignUnit unit : units) {
            Map<String, Boolean> delivered = new LinkedHashMap<>();
            missingByEvaluator.forEach((code, missing) -> delivered.put(code, !missing.contains(unit.getUnitCode())));
            ScoreRecord score = scores.get(unit.getUnitCode());
            rows.add(new UnitRow(unit.getUnitCode(), names.getOrDefault(unit.getUnitCode(), unit.getUnitCode()),
                    unit.getStatus().label(), unit.isOverdue() && unit.getStatus() == CampaignUnit.Status.PENDING,
                    unit.getStatus() == CampaignUnit.Status.VERIFIED, delivered,
                    score == null ? null : score.getTotal(), score == null ? null : score.getGrade(), approved, published));
        }

        long submitted = units.stream().filter(u -> u.getStatus() == CampaignUnit.Status.SUBMITTED
                || u.getStatus() == CampaignUnit.Status.VERIFIED).count();
        List<Stage> stages = List.of(
                new Stage("自查提交", submitted, units.size()),
                new Stage("网上核查", units.stream().filter(u -> u.getStatus() == CampaignUnit.Status.VERIFIED).count(), units.size()),
                new Stage("专项评估", evaluators.stream().filter(e -> e.getStatus() != CampaignEvaluator.Status.PENDING).count(),
                        evaluators.size()),
                new Stage("评分", scores.size(), units.size()),
                new Stage("领导审定", approved ? 1 : 0, 1),
                new Stage("结果公布", published ? 1 : 0, 1));

        Map<String, Long> grades = new LinkedHashMap<>();
        for (String grade : List.of("优秀", "良好", "合格", "不合格")) {
            grades.put(grade, scores.values().stream().filter(r -> grade.equals(r.getGrade())).count());
        }
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (int low = 0; low < 110; low += 10) {
            int from = low;
            histogram.put(low + "-" + (low + 10), scores.values().stream()
                    .filter(r -> r.getTotal().intValue() >= from && r.getTotal().intValue() < from + 10).count());
        }
        return new Dashboard(deadlines(campaign.getDates()), stages,
                evaluators.stream().map(CampaignEvaluator::getEvaluatorCode).toList(), rows,
                rows.stream().filter(UnitRow::overdue).toList(), grades, histogram);
    }

    private List<Deadline> deadlines(CampaignDates dates) {
        return List.of(deadline("自查截止", dates.selfCheckDue()), deadline("专项评估截止", dates.specialistDue()),
                deadline("综合评估截止", dates.comprehensiveDue()), deadline("结果审定截止", dates.resultsDue()));
    }

    private Deadline deadline(String name, Instant due) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
        LocalDate day = LocalDate.ofInstant(due, settings.zone());
        return new Deadline(name, campaigns.format(due), ChronoUnit.DAYS.between(today, day));
    }

    /** The coordinator reminds one overdue unit; recorded, and shown to the unit. */
    @Transactional
    public void remind(Long campaignId, String unitCode, String actor) {
        CampaignUnit unit = campaigns.unit(campaignId, unitCode);
        notifications.notify(campaignId, Groups.unit(unitCode), Notification.Kind.MANUAL,
                "区政府办公室提醒：" + referenceData.unitName(unitCode) + "的自查已超过截止时间（"
                        + campaigns.format(unit.getDue()) + "），请尽快填报并提交。（" + actor + "）",
                "manual/" + campaignId + "/" + unitCode + "/" + clock.instant().toEpochMilli());
    }
}
