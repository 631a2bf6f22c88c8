package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.progress.SelfCheckSubmitted;
import cn.huangpu.assessment.campaign.progress.SelfCheckVerified;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.deadline.Deadline;
import cn.huangpu.assessment.deadline.DeadlineKind;
import cn.huangpu.assessment.deadline.DeadlinePassed;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.selfcheck.SelfCheckService;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.StatementCounter;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.verification.FindingKind;
import cn.huangpu.assessment.verification.VerificationService.NewFinding;
import cn.huangpu.assessment.verification.VerificationService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages that list every unit (and the unit pages, the audit trail's first page, filtered or not, and an
 * evaluator's grid and template) run a fixed number of SQL statements, however many units the campaign has: the same count at 60 and at 600 units, with every unit's self-check, evaluators' values, findings,
 * overdue units and a scored round behind them. The campaigns are set up through the services, without the
 * processes, since only the pages' reads are measured.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
@Import(StatementCounter.class)
class BoundedStatementsTests {

    @Autowired MockMvc mvc;
    @Autowired CampaignService campaigns;
    @Autowired CampaignBots bots;
    @Autowired SelfCheckService selfChecks;
    @Autowired VerificationService verification;
    @Autowired CampaignScoring scoring;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired ProcessEngine engine;

    @Test
    void listPagesRunTheSameStatementsAtSixtyAndSixHundredUnitsAndARoundWritesInBatches() throws Exception {
        // given two campaigns alike but for their size
        Map<String, Integer> sixty = statementsPerPage(campaignOf(60));
        Long large = campaignOf(600);
        Map<String, Integer> sixHundred = statementsPerPage(large);

        // then each page sent as many statements for 600 units as for 60
        assertThat(sixHundred).isEqualTo(sixty);
        assertThat(sixty.values()).allSatisfy(count -> assertThat(count).isPositive());

        // when the 600 units are scored again, in one engine command as the grading job runs it
        var engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        int round = StatementCounter.count(() -> engineCommands.execute(context -> scoring.scoreRound(large, 2)));

        // then its results, sheets, audit entries and grade decisions went in batches, not a statement per unit
        assertThat(scoring.countRound(large, 2)).isEqualTo(600);
        assertThat(round).isLessThan(100);
    }

    /** The office's view of each page, counted on the second request (the first fills caches once). */
    private Map<String, Integer> statementsPerPage(Long id) throws Exception {
        String unit = campaigns.units(id).get(0).unitCode();
        // a unit whose self-check was verified with a finding (see campaignOf)
        String verified = campaigns.units(id).stream().map(UnitParticipation::unitCode)
                .filter(code -> Integer.parseInt(code.substring("bulk".length())) % 3 == 2).findFirst().orElseThrow();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String page : List.of("/app/campaigns/" + id + "/dashboard", "/app/comprehensive/" + id,
                "/app/comprehensive/" + id + "/" + unit, "/app/results/" + id, "/app/results/" + id + "/" + unit,
                "/app/results/" + id + "/" + unit + ".pdf", "/app/results/" + id + "/export.xlsx",
                "/app/campaigns/" + id + "/audit", "/app/campaigns/" + id + "/audit?unit=" + unit,
                "/app/verification/" + id + "/" + verified, "/app/evaluation/" + id + "/FINANCE",
                "/app/evaluation/" + id + "/FINANCE/template.xlsx")) {
            open(page);
            // the unit codes first: a campaign id may also be digits of a code
            counts.put(page.replace("/" + unit, "/{u}").replace("=" + unit, "={u}").replace("/" + verified, "/{v}")
                            .replace(String.valueOf(id), "{c}"),
                    StatementCounter.count(() -> open(page)));
        }
        return counts;
    }

    private Object open(String page) throws Exception {
        return mvc.perform(get(page).with(httpBasic(CampaignBots.COORDINATOR_USER, "demo")))
                .andExpect(status().isOk()).andReturn();
    }

    /**
     * A scored campaign of {@code size} units: each filled in its self-check; a third overdue, a third
     * submitted, a third verified with a finding; two evaluators' values for every unit; round 1 recorded.
     */
    private Long campaignOf(int size) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String code = "bulk" + i;
            jdbc.update("merge into assessed_unit (code, name, kind, sort_order) key (code) values (?, ?, 'DEPARTMENT', ?)",
                    code, "批量单位" + i, 1000 + i);
            units.add(code);
        }
        CampaignInfo campaign = campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                units, List.of("FINANCE", "MEDIA")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        Random random = new Random(size);
        Catalogue catalogue = selfChecks.catalogue(id);
        Indicator withFinding = catalogue.indicators().stream().filter(i -> !i.findingInputs().isEmpty()).findFirst()
                .orElseThrow();
        for (UnitParticipation unit : campaigns.units(id)) {
            String code = unit.unitCode();
            bots.fillSelfCheck(id, code, random);
            int index = Integer.parseInt(code.substring("bulk".length()));
            if (index % 3 == 0) {
                events.publishEvent(new DeadlinePassed(new Deadline(DeadlineKind.SELF_CHECK, id, code, unit.due())));
                continue;
            }
            events.publishEvent(new SelfCheckSubmitted(id, code, CampaignBots.unitUser(code)));
            if (index % 3 == 2) {
                verification.record(id, code, new NewFinding(withFinding.code(), withFinding.findingInputs().get(0).name(),
                        FindingKind.BROKEN_LINK, "网上核查发现问题", null), CampaignBots.COORDINATOR_USER);
                events.publishEvent(new SelfCheckVerified(id, code, CampaignBots.COORDINATOR_USER));
            }
        }
        bots.enterValues(id, "FINANCE", random);
        bots.enterValues(id, "MEDIA", random);
        assertThat(scoring.scoreRound(id, 1)).isEqualTo(size);
        return id;
    }
}
