package cn.huangpu.assessment.feedback;

import cn.huangpu.assessment.security.AccessDenied;
import cn.huangpu.assessment.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's rules of the feedback window over the API (the summary page has the same form). */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/feedback-rules")
@Tag(name = "意见反馈")
class FeedbackApiController {

    private final FeedbackService feedback;
    private final CurrentUser user;

    FeedbackApiController(FeedbackService feedback, CurrentUser user) {
        this.feedback = feedback;
        this.user = user;
    }

    /**
     * @param days    the window's length, 0 to 60 (0: no window)
     * @param counted WORKING_DAYS (default) or CALENDAR_DAYS
     */
    record RulesView(Integer days, String counted, Boolean reopenAfterSendBack, Boolean rulingsPublic) {
        static RulesView of(FeedbackRules rules) {
            return new RulesView(rules.window().days(), rules.window().counted().name(), rules.reopenAfterSendBack(),
                    rules.rulingsPublic());
        }
    }

    @GetMapping
    @Operation(summary = "意见反馈设置（区政府办公室、区领导）")
    RulesView rules(@PathVariable Long campaignId) {
        if (!user.isCoordinator() && !user.isLeader()) {
            throw new AccessDenied("意见反馈设置仅区政府办公室和区领导可查看");
        }
        return RulesView.of(feedback.rules(campaignId));
    }

    @PostMapping
    @Operation(summary = "设置意见反馈（区政府办公室）：反馈期限（0为不开放）、计算方式、退回后是否重新开放、复核结果是否公开")
    RulesView setRules(@PathVariable Long campaignId, @RequestBody RulesView request) {
        if (!user.isCoordinator()) {
            throw new AccessDenied("意见反馈的设置由区政府办公室办理");
        }
        return RulesView.of(feedback.setRules(campaignId, request.days(), request.counted(),
                request.reopenAfterSendBack(), request.rulingsPublic(), user.id()));
    }
}
