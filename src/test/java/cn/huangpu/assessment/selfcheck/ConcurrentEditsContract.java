package cn.huangpu.assessment.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.evaluation.EvaluationService;
import cn.huangpu.assessment.evaluation.FactEntry;
import cn.huangpu.assessment.evaluation.StoredFact;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.web.EditConflictException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Saves of one self-check entry or one evaluation value at the same moment, on each database: exactly one of
 * the first saves wins and every other is refused as a conflict (never a unique-key or other database error);
 * a refused save that then carries the current version succeeds in turn.
 */
abstract class ConcurrentEditsContract {

    static final int SAVES = 50;
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Autowired CampaignStarter starter;
    @Autowired SelfCheckService selfChecks;
    @Autowired EvaluationService evaluation;
    Long campaign;

    @BeforeEach
    void openCampaign() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
    }

    @Test
    void fiftySimultaneousFirstSavesOfOneIndicatorLetExactlyOneWin() throws Exception {
        // given 50 staff who all opened 1.1 before anyone saved it (version 0)
        // when they all save their own text at once
        List<Outcome> outcomes = atOnce(i -> selfChecks.saveDraft(campaign, "waitan",
                Map.of("1.1", new Draft("第" + i + "人填写", "https://www.shhuangpu.gov.cn/" + i, false, 0L)), "waitan01"));

        // then one wins, the other 49 are refused as conflicts, and the entry holds the winner's text at version 1
        assertThat(outcomes).filteredOn(o -> o.error() == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.error() != null)
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(EditConflictException.class)).hasSize(SAVES - 1);
        int winner = outcomes.stream().filter(o -> o.error() == null).findFirst().orElseThrow().index();
        SelfCheckAnswer entry = selfChecks.entries(campaign, "waitan").get("1.1");
        assertThat(entry.completion()).isEqualTo("第" + winner + "人填写");
        assertThat(entry.version()).isEqualTo(1);

        // and each refused one, saving again on the version it now sees, succeeds in turn
        for (Outcome refused : outcomes.stream().filter(o -> o.error() != null).toList()) {
            long seen = selfChecks.entries(campaign, "waitan").get("1.1").version();
            selfChecks.saveDraft(campaign, "waitan", Map.of("1.1", new Draft("第" + refused.index() + "人再次填写",
                    null, false, seen)), "waitan01");
        }
        assertThat(selfChecks.entries(campaign, "waitan").get("1.1").version()).isEqualTo(SAVES);
    }

    @Test
    void fiftySimultaneousUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        // given an entry at version 1 that 50 staff opened
        selfChecks.saveDraft(campaign, "waitan", Map.of("1.1", new Draft("初稿", null, false, 0L)), "waitan01");

        // when they all save their change at once
        List<Outcome> outcomes = atOnce(i -> selfChecks.saveDraft(campaign, "waitan",
                Map.of("1.1", new Draft("第" + i + "人修改", null, false, 1L)), "waitan01"));

        // then one wins and the other 49 are refused as conflicts
        assertThat(outcomes).filteredOn(o -> o.error() == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.error() != null)
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(EditConflictException.class)).hasSize(SAVES - 1);
        assertThat(selfChecks.entries(campaign, "waitan").get("1.1").version()).isEqualTo(2);
    }

    @Test
    void fiftySimultaneousFirstValuesOfOneInputLetExactlyOneWin() throws Exception {
        // given 50 evaluator staff who opened 1.4 for 外滩街道 before anyone entered it
        // when they all enter their own count at once
        List<Outcome> outcomes = atOnce(i -> evaluation.record(campaign, "FINANCE", List.of(new FactEntry("waitan", "1.4",
                "missingLateOrIncompleteItems", JSON.numberNode(i), null, 0L)), false, "eval-finance"));

        // then one wins, the other 49 are refused as conflicts, and the value is the winner's
        assertThat(outcomes).filteredOn(o -> o.error() == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.error() != null)
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(EditConflictException.class)).hasSize(SAVES - 1);
        int winner = outcomes.stream().filter(o -> o.error() == null).findFirst().orElseThrow().index();
        assertThat(value().valueJson()).isEqualTo(String.valueOf(winner));
    }

    @Test
    void aValueEnteredAgainAfterBeingClearedDoesNotTakeTheVersionAPageLoadedBeforeHolds() {
        // given a value someone loaded, then cleared by a colleague and entered again by another
        record(JSON.numberNode(1), 0L);
        long loaded = value().version();
        record(null, loaded);
        record(JSON.numberNode(2), 0L);

        // when the first one saves a change on the version it loaded
        Throwable refused = catchThrowable(() -> record(JSON.numberNode(3), loaded));

        // then it is refused and the value entered again stays
        assertThat(refused).isInstanceOf(EditConflictException.class);
        assertThat(value().valueJson()).isEqualTo("2");
    }

    private void record(JsonNode value, long loaded) {
        evaluation.record(campaign, "FINANCE", List.of(new FactEntry("waitan", "1.4", "missingLateOrIncompleteItems",
                value, null, loaded)), false, "eval-finance");
    }

    private StoredFact value() {
        return evaluation.facts(campaign).get("waitan").get("1.4/missingLateOrIncompleteItems");
    }

    /** What one of the simultaneous saves came to: nothing (it saved) or what it threw. */
    record Outcome(int index, Throwable error) {
    }

    interface Save {
        void run(int index) throws Exception;
    }

    /** Runs {@link #SAVES} saves on as many threads, released together. */
    static List<Outcome> atOnce(Save save) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(SAVES);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < SAVES; i++) {
                int index = i;
                Callable<Outcome> task = () -> {
                    start.await();
                    try {
                        save.run(index);
                        return new Outcome(index, null);
                    } catch (Exception e) {
                        return new Outcome(index, e);
                    }
                };
                futures.add(threads.submit(task));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(2, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }
}
