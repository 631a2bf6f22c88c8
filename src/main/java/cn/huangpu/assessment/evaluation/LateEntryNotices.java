package cn.huangpu.assessment.evaluation;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputOwners;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.notification.Notification;
import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.verification.NotInvolvedRejected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells an evaluator that a rejected 不涉及 claim needs its values for the unit: before it delivers, the grid asks
 * for them; after, the grid reopens exactly those cells for a late entry (补录). One notice per unit, indicator and
 * evaluator, with a link to its grid. The office, which enters the other inputs, sees them on its own pages.
 */
@Component
class LateEntryNotices {

    private final CampaignService campaigns;
    private final NotificationService notifications;
    private final ReferenceData referenceData;

    LateEntryNotices(CampaignService campaigns, NotificationService notifications, ReferenceData referenceData) {
        this.campaigns = campaigns;
        this.notifications = notifications;
        this.referenceData = referenceData;
    }

    @EventListener
    void on(NotInvolvedRejected rejected) {
        InputOwners owners = campaigns.owners(rejected.campaignId());
        Indicator indicator = owners.catalogue().indicator(rejected.indicatorCode()).orElseThrow();
        Map<String, List<Input>> byEvaluator = new LinkedHashMap<>();
        for (InputOwners.Owner owner : owners.all()) {
            if (owner.indicator().equals(indicator) && owner.channel() == InputOwners.Channel.EVALUATOR) {
                byEvaluator.computeIfAbsent(owner.enteredBy(), e -> new ArrayList<>()).add(owner.input());
            }
        }
        int year = campaigns.get(rejected.campaignId()).year();
        String unit = referenceData.unitName(rejected.unitCode());
        byEvaluator.forEach((evaluatorCode, inputs) -> {
            EvaluatorParticipation evaluator = campaigns.evaluator(rejected.campaignId(), evaluatorCode);
            if (evaluator.status() == EvaluatorParticipation.Status.CLOSED) {
                return;
            }
            boolean late = evaluator.status() == EvaluatorParticipation.Status.DELIVERED;
            String labels = inputs.stream().map(i -> "“" + i.label() + "”").collect(Collectors.joining("、"));
            String why = rejected.withdrawn()
                    ? "区政府办公室同意" + unit + "撤回在指标 " + indicator.code() + " " + indicator.name() + " 申报的“不涉及”"
                    : "网上核查认定" + unit + "在指标 " + indicator.code() + " " + indicator.name() + " 申报的“不涉及”不成立";
            String message = (late ? "请补录：" : "请录入：") + year + "年度考评中，" + why + "，该指标须按实际情况计分。请在专项评估页面"
                    + (late ? "补录" : "录入") + "该单位的" + labels + (late ? "（已提交的其他结果不变）。" : "。");
            notifications.notify(rejected.campaignId(), Groups.evaluator(evaluatorCode), Notification.Kind.LATE_ENTRY,
                    message, "late-entry:" + rejected.campaignId() + ":" + rejected.unitCode() + ":" + indicator.code()
                            + ":" + evaluatorCode,
                    Notification.Link.page("/app/evaluation/" + rejected.campaignId() + "/" + evaluatorCode));
        });
    }
}
