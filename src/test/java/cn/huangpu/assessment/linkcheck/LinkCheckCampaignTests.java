package cn.huangpu.assessment.linkcheck;

import cn.huangpu.assessment.linkcheck.internal.LinkCheck;
import cn.huangpu.assessment.workflow.CampaignProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.linkcheck.FetchResult.Outcome;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.selfcheck.SelfCheckService.Draft;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.verification.VerificationService;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.workflow.UnitAssessmentProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 500 evidence links of one campaign, checked by the background checker against three local sites and
 * a closed port:
 * the limits on requests in flight hold, failures are recorded (and retried) without touching the
 * processes, and only proposals the verifier accepts reach the score.
 */
@H2IntegrationTest
class LinkCheckCampaignTests {

    static final String[] SITES = {"127.0.0.1", "127.0.0.2", "127.0.0.3"};
    static LocalSites sites;

    @BeforeAll
    static void startSites() throws Exception {
        sites = new LocalSites(SITES);
        sites.servingMillis = 15;
    }

    @AfterAll
    static void stopSites() {
        sites.close();
    }

    @DynamicPropertySource
    static void checkerSettings(DynamicPropertyRegistry registry) {
        registry.add("assessment.link-check.allowed-hosts", () -> String.join(",", SITES));
        registry.add("assessment.link-check.allowed-addresses", () -> String.join(",", SITES));
        registry.add("assessment.link-check.read-timeout", () -> "500ms");
        registry.add("assessment.link-check.max-concurrent", () -> "6");
        registry.add("assessment.link-check.max-per-host", () -> "2");
        registry.add("assessment.link-check.max-attempts", () -> "2");
        registry.add("assessment.link-check.retry-backoff", () -> "10ms");
    }

    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired SelfCheckService selfChecks;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired LinkCheckService linkChecks;
    @Autowired LinkCheckWorker worker;
    @Autowired TaskService taskService;
    @Autowired VerificationService verification;
    @Autowired CampaignScoring scoring;

    @Test
    void aRecheckWithAKeywordHoldingAControlCharacterIsRefusedAsTheSelfCheckRefusesIt() throws Exception {
        // given 外滩街道's submitted self-check with one link, whose check is queued
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Indicator indicator : selfChecks.catalogue(id).indicators()) {
            drafts.put(indicator.code(), new Draft("已完成", sites.url(SITES[0], "/ok/waitan-" + indicator.code()) + " 许可事项",
                    false));
        }
        selfChecks.saveDraft(id, "waitan", drafts, CampaignBots.unitUser("waitan"));
        bots.submitSelfCheck(id, "waitan");
        driver.runJobs();
        LinkCheck check = linkChecks.checks(id, "waitan").get(0);

        // when the office rechecks it with a keyword holding U+0001, then it is refused naming the field
        assertThatThrownBy(() -> linkChecks.recheck(id, check.getId(), "许可\u0001事项"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("关键词含有控制字符");
        // and the keyword the self-check gave stays
        assertThat(linkChecks.checks(id, "waitan")).filteredOn(c -> c.getId().equals(check.getId()))
                .singleElement().extracting(LinkCheck::getKeyword).isEqualTo("许可事项");

        // (its queued checks are run, so that no other test of the class counts them as pending)
        drainChecks();
    }

    /** Runs the checker until no check is due. */
    private void drainChecks() throws Exception {
        for (int round = 0; round < 200 && linkChecks.pending() > 0; round++) {
            for (Future<?> f : worker.runOnce()) {
                f.get();
            }
            Thread.sleep(20);
        }
    }

    @Test
    void checks500LinksWithinTheLimitsAndOnlyAcceptedProposalsCount() throws Exception {
        // given ten units that submitted 50 links each, to three sites, some broken, wrong or too slow
        List<String> units = List.of("waitan", "yuyuan", "czj", "fgw", "sfj", "jyj", "kw", "sww", "mzj", "rsj");
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null, units,
                List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        // "refused": a port where nothing listens, a technical failure (slow pages are covered by LinkFetcherTests;
        // here they would keep the site busy after the checker gave up, muddying the in-flight count)
        String[] kinds = {"ok", "ok", "ok", "ok", "ok", "ok", "missing", "nokeyword", "soft404", "refused"};
        int n = 0;
        for (String unit : units) {
            Map<String, Draft> drafts = new LinkedHashMap<>();
            List<Indicator> indicators = selfChecks.catalogue(id).indicators();
            for (int i = 0; i < indicators.size(); i++) {
                List<String> links = new ArrayList<>();
                for (int k = 0; k < (i < 6 ? 2 : 1); k++, n++) {
                    // 外滩街道's 1.1 (an indicator priced on verification findings) links to a missing page
                    String kind = unit.equals("waitan") && i == 0 && k == 0 ? "missing" : kinds[n % kinds.length];
                    String link = kind.equals("refused") ? "http://" + SITES[n % 3] + ":9/closed/" + n
                            : sites.url(SITES[n % 3], "/" + kind + "/" + unit + "-" + n);
                    // the unit may name the keyword the page should show after the link
                    links.add(unit.equals("waitan") && i == 1 ? link + " 许可事项" : link);
                }
                drafts.put(indicators.get(i).code(), new Draft("已完成", String.join("\n", links), false));
            }
            selfChecks.saveDraft(id, unit, drafts, CampaignBots.unitUser(unit));
            bots.submitSelfCheck(id, unit);
        }
        driver.runJobs();
        assertThat(n).isEqualTo(500);

        // then the process moved on at once: every unit waits for verification while nothing is checked yet
        assertThat(taskService.createTaskQuery().taskDefinitionKey(UnitAssessmentProcess.VERIFY)
                .processDefinitionKey(UnitAssessmentProcess.KEY).processVariableValueEquals(CampaignProcess.CAMPAIGN_ID, id)
                .count()).isEqualTo(units.size());
        assertThat(linkChecks.pending()).isEqualTo(500);

        // when the checker runs until nothing is due
        drainChecks();

        // then every link has a result, and the limits held
        assertThat(linkChecks.pending()).isZero();
        for (String site : SITES) {
            assertThat(sites.maxInFlight.get(site).get()).as(site).isBetween(1, 2);
        }
        assertThat(sites.globalMax.get()).isLessThanOrEqualTo(6);
        List<LinkCheck> waitan = linkChecks.checks(id, "waitan");
        assertThat(waitan).filteredOn(c -> c.getIndicatorCode().equals("1.2")).hasSize(2)
                .allSatisfy(c -> assertThat(c.getKeyword()).isEqualTo("许可事项"));
        assertThat(waitan).filteredOn(c -> c.getIndicatorCode().equals("1.3"))
                .allSatisfy(c -> assertThat(c.getKeyword()).isEqualTo("行政执法公示制度落实情况"));
        assertThat(waitan).hasSize(50).extracting(LinkCheck::getOutcome)
                .contains(Outcome.OK, Outcome.BROKEN, Outcome.WRONG, Outcome.TECHNICAL);
        assertThat(waitan).filteredOn(c -> c.getOutcome() == Outcome.TECHNICAL).allSatisfy(c -> {
            assertThat(c.getAttempts()).isEqualTo(2);
            assertThat(c.getProposal()).isEqualTo(LinkCheck.Proposal.NONE);
        });

        // and only an accepted proposal becomes a finding that counts
        LinkCheck broken = waitan.stream().filter(c -> c.getOutcome() == Outcome.BROKEN
                && c.getIndicatorCode().equals("1.1")).findFirst().orElseThrow();
        LinkCheck wrong = waitan.stream().filter(c -> c.getOutcome() == Outcome.WRONG).findFirst().orElseThrow();
        assertThat(List.of(broken.getProposal(), wrong.getProposal())).containsOnly(LinkCheck.Proposal.PROPOSED);
        linkChecks.accept(id, broken.getId(), CampaignBots.COORDINATOR_USER);
        linkChecks.reject(id, wrong.getId(), CampaignBots.COORDINATOR_USER);
        assertThat(verification.findings(id, "waitan")).singleElement()
                .satisfies(f -> assertThat(f.url()).isEqualTo(broken.getUrl()));
        String input = indicator(id, broken).findingInputs().get(0).name();
        assertThat(scoring.assembleFacts(id).get("waitan").get(broken.getIndicatorCode()).path(input).asInt()).isEqualTo(1);
        assertThat(linkChecks.checks(id, "waitan")).filteredOn(c -> c.getId().equals(wrong.getId()))
                .singleElement().extracting(LinkCheck::getProposal).isEqualTo(LinkCheck.Proposal.REJECTED);
        assertThat(campaigns.unit(id, "waitan").status()).isEqualTo(UnitParticipation.Status.SUBMITTED);
    }

    private Indicator indicator(Long campaignId, LinkCheck check) {
        return selfChecks.catalogue(campaignId).indicator(check.getIndicatorCode()).orElseThrow();
    }
}
