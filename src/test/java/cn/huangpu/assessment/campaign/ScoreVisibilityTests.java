package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.internal.ScoreVisibilitySettings;
import cn.huangpu.assessment.campaign.internal.ScoreVisibilitySettings.UnitAccess;
import cn.huangpu.assessment.web.DisplayTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The rule of when a unit sees its own scores, for each setting and each state of a campaign, with and without a
 * feedback window (the hook issue 18 switches on), and what the unit is told until then.
 */
class ScoreVisibilityTests {

    static final Instant COMPREHENSIVE_DUE = Instant.parse("2026-12-08T15:59:00Z");
    static final Instant RESULTS_DUE = Instant.parse("2026-12-15T15:59:00Z");

    @ParameterizedTest(name = "{0}, {1}: unit sees its sheet {2} without a window, {3} with the window open")
    @CsvSource({
            "FEEDBACK_WINDOW, RUNNING,   false, true",
            "FEEDBACK_WINDOW, GRADING,   false, true",
            "FEEDBACK_WINDOW, APPROVED,  false, true",
            "FEEDBACK_WINDOW, PUBLISHED, true,  true",
            "FEEDBACK_WINDOW, REOPENED,  false, true",
            "PUBLISHED,       GRADING,   false, false",
            "PUBLISHED,       PUBLISHED, true,  true",
            "PUBLISHED,       REOPENED,  false, false",
            "EVERY_ROUND,     GRADING,   true,  true",
            "EVERY_ROUND,     REOPENED,  true,  true"})
    void aUnitSeesItsSheetAsTheSettingSays(UnitAccess access, CampaignStatus status, boolean withoutWindow,
                                           boolean windowOpen) {
        // given the setting and a campaign in the state, with no window and with an open one
        CampaignInfo campaign = campaign(status);

        // when / then
        assertThat(visibility(access, null).unitMaySee(campaign)).isEqualTo(withoutWindow);
        assertThat(visibility(access, window(true, null)).unitMaySee(campaign)).isEqualTo(windowOpen);
        // and exactly while it may not see the sheet is it told why
        assertThat(visibility(access, null).notYet(campaign) == null).isEqualTo(withoutWindow);
    }

    @Test
    void withoutAWindowTheUnitIsToldItsSheetOpensOncePublished() {
        // given the default setting and no feedback window (not built yet), a campaign in comprehensive evaluation
        String told = visibility(UnitAccess.FEEDBACK_WINDOW, null).notYet(campaign(CampaignStatus.GRADING));

        // then the unit is told that the sheet opens with publication, and the approval's due date
        assertThat(told).startsWith("评分说明尚未开放").contains("审定并公布后开放", "2026年12月15日 23:59")
                .doesNotContain("意见反馈期");
    }

    @Test
    void withAWindowAheadTheUnitIsToldWhenItOpens() {
        // given a feedback window that opens with the comprehensive evaluation's due date
        ScoreVisibility visibility = visibility(UnitAccess.FEEDBACK_WINDOW, window(false, COMPREHENSIVE_DUE));

        // when / then the unit is told the window's opening and, after it, publication
        assertThat(visibility.notYet(campaign(CampaignStatus.GRADING)))
                .contains("意见反馈期开始时开放", "2026年12月8日 23:59", "审定并公布后也可查看", "2026年12月15日 23:59");
        // and under the setting PUBLISHED the window does not open the sheet, so it is not promised
        assertThat(visibility(UnitAccess.PUBLISHED, window(false, COMPREHENSIVE_DUE)).notYet(campaign(CampaignStatus.GRADING)))
                .doesNotContain("意见反馈期");
    }

    @Test
    void aReopenedCampaignPointsToWhatWasPublished() {
        // given a campaign reopened after publication
        String told = visibility(UnitAccess.FEEDBACK_WINDOW, null).notYet(campaign(CampaignStatus.REOPENED));

        // then its work in progress is not shown, and the unit is sent to the published results
        assertThat(told).contains("重新打开", "此前公布的结果见“考核结果公开”页面");
    }

    private static ScoreVisibility visibility(UnitAccess access, FeedbackWindow window) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (window != null) {
            beans.addBean("feedbackWindow", window);
        }
        return new ScoreVisibility(new ScoreVisibilitySettings(access), beans.getBeanProvider(FeedbackWindow.class),
                new DisplayTime(ZoneId.of("Asia/Shanghai")));
    }

    private static FeedbackWindow window(boolean open, Instant opensAt) {
        return new FeedbackWindow() {
            @Override
            public boolean isOpen(CampaignInfo campaign) {
                return open;
            }

            @Override
            public Optional<Instant> opensAt(CampaignInfo campaign) {
                return Optional.ofNullable(opensAt);
            }
        };
    }

    private static CampaignInfo campaign(CampaignStatus status) {
        return new CampaignInfo(1L, 2026, 2023, status, new CampaignDates(Instant.parse("2026-11-20T15:59:00Z"),
                Instant.parse("2026-11-20T15:59:00Z"), COMPREHENSIVE_DUE, RESULTS_DUE), "p", true, 0, 1, "office01",
                Instant.parse("2026-09-01T00:00:00Z"), status == CampaignStatus.PUBLISHED || status == CampaignStatus.REOPENED
                ? Instant.parse("2026-12-14T02:00:00Z") : null);
    }
}
