package cn.huangpu.assessment.dashboard;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignDates;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.dashboard.Dashboard.Deadline;
import cn.huangpu.assessment.dashboard.Dashboard.Overdue;
import cn.huangpu.assessment.dashboard.Dashboard.Party;
import cn.huangpu.assessment.dashboard.Dashboard.Stage;
import cn.huangpu.assessment.dashboard.Dashboard.UnitRow;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.InputError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Builds the dashboard of a campaign, and sends the one-click reminders. */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** A reminder form's one-time key: letters, digits and dashes, as the page generates it. */
    private static final Pattern REMINDER_TOKEN = Pattern.compile("[A-Za-z0-9-]{16,64}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CampaignService campaigns;
    private final EvaluationService evaluation;
    private final CampaignScoring scoring;
    private final ReferenceData referenceData;
    private final NotificationService notifications;
    private final OpenTasks openTasks;
    private final Clock clock;
    private final DisplayTime time;

    DashboardService(CampaignService campaigns, EvaluationService evaluation,
                     CampaignScoring scoring, ReferenceData referenceData, NotificationService notifications,
                     OpenTasks openTasks, Clock clock, DisplayTime time) {
        this.campaigns = campaigns;
        this.evaluation = evaluation;
        this.scoring = scoring;
        this.referenceData = referenceData;
        this.notifications = notifications;
        this.openTasks = openTasks;
        this.clock = clock;
        this.time = time;
    }

    public Dashboard dashboard(Long campaignId) {
        CampaignInfo campaign = campaigns.get(campaignId);
        List<UnitParticipation> units = campaigns.units(campaignId);
        List<EvaluatorParticipation> evaluators = new ArrayList<>(campaigns.evaluators(campaignId));
        evaluators.sort(Comparator.comparing(EvaluatorParticipation::evaluatorCode, referenceData.evaluatorOrder()));
        Map<String, Set<String>> missingByEvaluator = evaluation.unitsMissing(campaignId,
                evaluators.stream().map(EvaluatorParticipation::evaluatorCode).toList());
        Map<String, UnitResult> scores = new HashMap<>();
        scoring.latest(campaignId).forEach(r -> scores.put(r.unitCode(), r));
        boolean approved = campaign.status() == CampaignStatus.APPROVED || campaign.status() == CampaignStatus.PUBLISHED;
        boolean published = campaign.status() == CampaignStatus.PUBLISHED;
        Map<String, String> names = referenceData.unitNames();

        List<UnitRow> rows = new ArrayList<>();
        for (UnitParticipation unit : referenceData.unitOrder().sorted(units, UnitParticipation::unitCode)) {
            Map<String, Boolean> delivered = new LinkedHashMap<>();
            missingByEvaluator.forEach((code, missing) -> delivered.put(code, !missing.contains(unit.unitCode())));
            UnitResult score = scores.get(unit.unitCode());
            rows.add(new UnitRow(unit.unitCode(), names.getOrDefault(unit.unitCode(), unit.unitCode()),
                    unit.status().label(), isOverdue(unit),
                    unit.status() == UnitParticipation.Status.VERIFIED, delivered,
                    score == null ? null : score.total(), score == null ? null : score.grade(), approved, published));
        }

        long submitted = units.stream().filter(u -> u.status() == UnitParticipation.Status.SUBMITTED
                || u.status() == UnitParticipation.Status.VERIFIED).count();
        List<Stage> stages = List.of(
                new Stage("自查提交", submitted, units.size()),
                new Stage("网上核查", units.stream().filter(u -> u.status() == UnitParticipation.Status.VERIFIED).count(), units.size()),
                new Stage("专项评估", evaluators.stream().filter(e -> e.status() != EvaluatorParticipation.Status.PENDING).count(),
                        evaluators.size()),
                new Stage("评分", scores.size(), units.size()),
                new Stage("领导审定", approved ? 1 : 0, 1),
                new Stage("结果公布", published ? 1 : 0, 1));

        Map<String, Long> grades = new LinkedHashMap<>();
        for (String grade : List.of("优秀", "良好", "合格", "不合格")) {
            grades.put(grade, scores.values().stream().filter(r -> grade.equals(r.grade())).count());
        }
        Map<String, Long> histogram = new LinkedHashMap<>();
        for (int low = 0; low < 110; low += 10) {
            int from = low;
            histogram.put(low + "-" + (low + 10), scores.values().stream()
                    .filter(r -> r.total().intValue() >= from && r.total().intValue() < from + 10).count());
        }
        return new Dashboard(deadlines(campaign.dates()), stages,
                evaluators.stream().map(EvaluatorParticipation::evaluatorCode).toList(), rows,
                overdue(campaignId, units, evaluators), grades, histogram);
    }

    /** Overdue units in the order of the lists of units, then overdue evaluators, each with its last one-click reminder. */
    private List<Overdue> overdue(Long campaignId, List<UnitParticipation> units, List<EvaluatorParticipation> evaluators) {
        Map<String, Instant> reminded = notifications.lastSent(campaignId, Notification.Kind.MANUAL);
        List<Overdue> overdue = new ArrayList<>();
        referenceData.unitOrder().sorted(units, UnitParticipation::unitCode).stream().filter(DashboardService::isOverdue)
                .forEach(u -> overdue.add(overdue(u, reminded.get(Groups.unit(u.unitCode())))));
        evaluators.stream().filter(DashboardService::isOverdue)
                .forEach(e -> overdue.add(overdue(e, reminded.get(Groups.evaluator(e.evaluatorCode())))));
        return overdue;
    }

    /** The dashboard's entry of one unit or evaluator, if it is overdue. */
    public Optional<Overdue> overdue(Long campaignId, Party party, String code) {
        Map<String, Instant> reminded = notifications.lastSent(campaignId, Notification.Kind.MANUAL);
        return switch (party) {
            case UNIT -> Optional.of(campaigns.unit(campaignId, code)).filter(DashboardService::isOverdue)
                    .map(u -> overdue(u, reminded.get(Groups.unit(code))));
            case EVALUATOR -> Optional.of(campaigns.evaluator(campaignId, code)).filter(DashboardService::isOverdue)
                    .map(e -> overdue(e, reminded.get(Groups.evaluator(code))));
        };
    }

    private static boolean isOverdue(UnitParticipation unit) {
        return unit.overdue() && unit.status() == UnitParticipation.Status.PENDING;
    }

    private static boolean isOverdue(EvaluatorParticipation evaluator) {
        return evaluator.overdue() && evaluator.status() == EvaluatorParticipation.Status.PENDING;
    }

    private Overdue overdue(UnitParticipation unit, Instant reminded) {
        return new Overdue(Party.UNIT, unit.unitCode(), referenceData.unitName(unit.unitCode()),
                time.format(unit.due()), unit.status().label(), reminded(reminded));
    }

    private Overdue overdue(EvaluatorParticipation evaluator, Instant reminded) {
        return new Overdue(Party.EVALUATOR, evaluator.evaluatorCode(),
                referenceData.evaluatorName(evaluator.evaluatorCode()), time.format(evaluator.due()),
                evaluator.status().label(), reminded(reminded));
    }

    /** "已提醒 15:46" today, "已提醒 11月20日 15:46" this year, with the year before that; office time zone. */
    private String reminded(Instant at) {
        if (at == null) {
            return null;
        }
        ZonedDateTime when = at.atZone(time.zone());
        LocalDate today = LocalDate.ofInstant(clock.instant(), time.zone());
        DateTimeFormatter format = when.toLocalDate().equals(today) ? TIME
                : when.getYear() == today.getYear() ? DAY_TIME : DATE_TIME;
        return "已提醒 " + format.format(when);
    }

    private List<Deadline> deadlines(CampaignDates dates) {
        return List.of(deadline("自查截止", dates.selfCheckDue()), deadline("专项评估截止", dates.specialistDue()),
                deadline("综合评估截止", dates.comprehensiveDue()), deadline("结果审定截止", dates.resultsDue()));
    }

    private Deadline deadline(String name, Instant due) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), time.zone());
        LocalDate day = LocalDate.ofInstant(due, time.zone());
        return new Deadline(name, time.format(due), ChronoUnit.DAYS.between(today, day));
    }

    /**
     * The coordinator reminds one overdue unit or evaluator; recorded, shown to its staff with a link to
     * its task, and shown on the dashboard as 已提醒 with the time. {@code token} is the reminder form's
     * one-time key: the same form sent twice (a double click, a repeated request), even at the same moment
     * on two nodes, reminds once. Refuses a bad token and a unit or evaluator that is not overdue.
     * Returns whether this call sent the reminder (false: the same form was sent before).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean remind(Long campaignId, Party party, String code, String token, String actor) {
        // who is reminded first: an unknown campaign, unit or evaluator is not found, whatever else the form says
        Overdue overdue = overdue(campaignId, party, code).orElseThrow(() -> new BadInputException("提醒未发送",
                InputError.field(party == Party.UNIT ? "unitCode" : "evaluatorCode", party == Party.UNIT ? "单位" : "专项评估单位",
                        name(party, code) + "的" + party.stage() + "未逾期或已提交，无需提醒")));
        if (token == null || !REMINDER_TOKEN.matcher(token).matches()) {
            throw new BadInputException("提醒未发送", InputError.field("token", "一次性标识",
                    "提醒表单缺少有效的一次性标识（16至64位字母或数字），请刷新看板后再提醒"));
        }
        String group = party == Party.UNIT ? Groups.unit(code) : Groups.evaluator(code);
        String message = party == Party.UNIT
                ? "区政府办公室提醒：" + overdue.name() + "的自查已超过截止时间（" + overdue.due() + "），请尽快填报并提交。（"
                        + actor + "）"
                : "区政府办公室提醒：" + overdue.name() + "的专项评估结果已超过截止时间（" + overdue.due()
                        + "），请尽快录入并提交。（" + actor + "）";
        Notification.Link link = party == Party.UNIT
                ? Notification.Link.task(openTasks.selfCheck(campaignId, code).orElse(null),
                        "/app/self-check/" + campaignId + "/" + code)
                : Notification.Link.task(openTasks.evaluation(campaignId, code).orElse(null),
                        "/app/evaluation/" + campaignId + "/" + code);
        return notifications.notifyOnce(campaignId, group, Notification.Kind.MANUAL, message,
                "manual/" + campaignId + "/" + group + "/" + token, link);
    }

    /** A unit's or evaluator's name. */
    public String name(Party party, String code) {
        return party == Party.UNIT ? referenceData.unitName(code) : referenceData.evaluatorName(code);
    }
}
