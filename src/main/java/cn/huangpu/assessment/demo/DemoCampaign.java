package cn.huangpu.assessment.demo;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.EvaluatorParticipation;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A campaign of the current year in a realistic mid-flight state, for a newcomer to find real work:
 * the self-check deadline passed six days ago; most units submitted (some verified), the rest are
 * overdue and being chased; seven of the eleven evaluators delivered; comprehensive evaluation is
 * ahead. The history is replayed on the engine clock from three weeks ago, before the job executor
 * starts, so every timestamp and reminder is where it would be. Created once; skipped when a campaign
 * of the current year exists.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(prefix = "assessment.demo", name = "campaign", havingValue = "true", matchIfMissing = true)
@Order(100)
class DemoCampaign implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaign.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CampaignStarter starter;
    private final CampaignService campaigns;
    private final CampaignBots bots;
    private final ManagementService managementService;

    DemoCampaign(CampaignStarter starter, CampaignService campaigns, CampaignBots bots,
                 ManagementService managementService) {
        this.starter = starter;
        this.campaigns = campaigns;
        this.bots = bots;
        this.managementService = managementService;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(ZONE);
        if (campaigns.all().stream().anyMatch(c -> c.year() == today.getYear())) {
            return;
        }
        Instant now = Instant.now();
        Instant selfCheckDue = endOfDay(today.minusDays(6));
        try {
            replay(today.getYear(), now, selfCheckDue);
        } finally {
            ClockUtil.reset();
        }
    }

    private void replay(int year, Instant now, Instant selfCheckDue) {
        Random random = new Random(year);
        at(selfCheckDue.minus(20, ChronoUnit.DAYS));
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        CampaignInfo campaign = starter.start(new OpenCampaign(year, 2023, selfCheckDue, selfCheckDue,
                endOfDay(today.plusDays(12)), endOfDay(today.plusDays(19)), List.of(), List.of()),
                CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        runDueJobs();

        List<UnitParticipation> units = campaigns.units(id);
        int submitted = units.size() * 2 / 3;
        int verified = units.size() / 3;
        at(selfCheckDue.minus(6, ChronoUnit.DAYS));
        runDueJobs();
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i).unitCode();
            if (i < submitted) {
                at(selfCheckDue.minus(5 - i % 5, ChronoUnit.DAYS).minus(3 + i % 7, ChronoUnit.HOURS));
                bots.fillSelfCheck(id, unit, random);
                bots.submitSelfCheck(id, unit);
            } else if (i < submitted + 5) {
                bots.fillSelfCheck(id, unit, random);
            }
        }
        runDueJobs();
        at(selfCheckDue.minus(1, ChronoUnit.HOURS));
        for (int i = 0; i < verified; i++) {
            bots.verify(id, units.get(i).unitCode(), random);
        }
        List<EvaluatorParticipation> evaluators = campaigns.evaluators(id);
        for (int i = 0; i < 7 && i < evaluators.size(); i++) {
            bots.deliver(id, evaluators.get(i).evaluatorCode(), random);
        }
        runDueJobs();
        at(now);
        runDueJobs();
        log.info("Demo campaign {} of {} ready: {} units submitted, {} verified, {} overdue; 7 evaluators delivered",
                id, year, submitted, verified, units.size() - submitted);
    }

    private static Instant endOfDay(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59)).atZone(ZONE).toInstant();
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private void runDueJobs() {
        for (int pass = 0; pass < 1000; pass++) {
            List<Job> due = managementService.createJobQuery().executable().listPage(0, 200);
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }
}
