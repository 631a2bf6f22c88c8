package cn.huangpu.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.scoring.InvalidFactsException;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.web.InputError;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an evaluator or the office may record, and that a refused save leaves nothing behind. */
@H2IntegrationTest
class EvaluationServiceTests {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Autowired EvaluationService evaluation;
    @Autowired CampaignStarter starter;
    CampaignInfo campaign;

    @BeforeEach
    void openCampaign() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "czj"), List.of("FINANCE", "JUSTICE")), CampaignBots.COORDINATOR_USER);
    }

    @Test
    void refusesEveryBadEntryAndSavesNoneOfTheBatch() {
        List<FactEntry> batch = List.of(
                new FactEntry("waitan", "1.4", "missingLateOrIncompleteItems", JSON.numberNode(1), null),
                new FactEntry("waitan", "4.13", "requestsHandled", JSON.numberNode(10), null),
                new FactEntry("yuyuan", "1.4", "missingLateOrIncompleteItems", JSON.numberNode(0), null),
                new FactEntry("czj", "1.4", "missingLateOrIncompleteItems", JSON.numberNode(-1), null),
                new FactEntry("czj", "9.9", "x", JSON.numberNode(1), null));

        InvalidFactsException refused = catchThrowableOfType(InvalidFactsException.class,
                () -> evaluation.record(campaign.id(), "FINANCE", batch, false, "eval-finance"));

        assertThat(refused.errors()).extracting(InputError::reason).anySatisfy(r -> assertThat(r).contains("不由本单位评估"))
                .anySatisfy(r -> assertThat(r).contains("yuyuan 未参加该考评"))
                .anySatisfy(r -> assertThat(r).contains("数量不能为负数"))
                .anySatisfy(r -> assertThat(r).contains("没有指标 9.9"));
        assertThat(evaluation.facts(campaign.id())).isEmpty();
    }

    @Test
    void theOfficeMustGiveAReasonInComprehensiveEvaluation() {
        FactEntry judgement = new FactEntry("waitan", "2.3", "interpretationQuality",
                JSON.objectNode().put("score", 1.5).put("reason", "解读较完整"), null);

        InvalidFactsException refused = catchThrowableOfType(InvalidFactsException.class,
                () -> evaluation.record(campaign.id(), Catalogue.OFFICE, List.of(judgement), true, "office01"));
        assertThat(refused.errors()).singleElement().extracting(InputError::reason).asString().contains("修改须写明理由");

        evaluation.record(campaign.id(), Catalogue.OFFICE, List.of(new FactEntry("waitan", "2.3",
                "interpretationQuality", judgement.value(), "日常监管：解读材料质量较好")), true, "office01");
        assertThat(evaluation.facts(campaign.id()).get("waitan")).containsKey("2.3/interpretationQuality");
    }

    @Test
    void refusesReasonsLongerThanTheyCanBeStoredAndSavesNothing() {
        // given a judgement whose reason has 501 characters, one of 500 control characters (six each in the stored
        // JSON), and a change reason of 1001
        List<FactEntry> batch = List.of(
                new FactEntry("waitan", "2.3", "interpretationQuality",
                        JSON.objectNode().put("score", 1.5).put("reason", "理".repeat(501)), "日常监管"),
                new FactEntry("waitan", "2.7", "socialCooperation",
                        JSON.objectNode().put("score", 1.5).put("reason", "理" + "\u0001".repeat(499)), "日常监管"),
                new FactEntry("czj", "2.3", "interpretationQuality",
                        JSON.objectNode().put("score", 1.5).put("reason", "解读较完整"), "由".repeat(1001)));

        // when the office saves them, then both are refused by indicator and input, in Chinese
        InvalidFactsException refused = catchThrowableOfType(InvalidFactsException.class,
                () -> evaluation.record(campaign.id(), Catalogue.OFFICE, batch, true, "office01"));
        assertThat(refused.errors()).extracting(InputError::reason)
                .containsExactly("外滩街道：评分理由不能超过500字", "外滩街道：内容过长，无法保存", "区财政局：修改理由不能超过1000字");
        assertThat(refused.errors()).extracting(InputError::field)
                .containsExactly("interpretationQuality", "socialCooperation", "interpretationQuality");
        assertThat(evaluation.facts(campaign.id())).isEmpty();
    }

    @Test
    void anEvaluatorCannotDeliverWhileSomethingIsMissing() {
        evaluation.record(campaign.id(), "FINANCE", List.of(
                new FactEntry("waitan", "1.4", "missingLateOrIncompleteItems", JSON.numberNode(0), null)), false, "eval-finance");

        assertThat(evaluation.missing(campaign.id(), "FINANCE")).singleElement()
                .extracting(InputError::reason).asString().startsWith("区财政局：");
    }
}
