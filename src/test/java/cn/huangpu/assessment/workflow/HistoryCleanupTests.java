package cn.huangpu.assessment.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.rectification.RectificationScenario;
import cn.huangpu.assessment.support.H2IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

@H2IntegrationTest
class HistoryCleanupTests {

    /** The application's own records of a campaign, which the engine's history cleanup must never touch. */
    private static final List<String> APPLICATION_TABLES = List.of("audit_entry", "score_sheet", "self_check_entry",
            "link_check");

    @Autowired RectificationScenario scenario;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistorySettings settings;
    @Autowired JdbcTemplate jdbc;
    /** The nightly window's start; without a window (the cleanup not configured) noon of the day stands in for it. */
    @Value("${camunda.bpm.generic-properties.properties.history-cleanup-batch-window-start-time:12:00}") String windowStart;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theNightlyCleanupAfterTheTimeToLiveRemovesAFinishedCampaignsEngineHistoryAndKeepsItsRecords() {
        // given a campaign taken to publication, in which nobody lost points (so no rectification stays open)
        Instant started = ClockUtil.getCurrentTime().toInstant().minusSeconds(1);
        Long id = scenario.published(List.of("waitan", "yuyuan"), List.of(), List.of()).id();
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals(CampaignProcess.CAMPAIGN_ID, id).count())
                .as("the campaign has finished").isZero();
        List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
                .variableValueEquals(CampaignProcess.CAMPAIGN_ID, id).list();
        String[] instanceIds = instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        // the campaign's own grade decisions: by evaluation time alone, another test's decisions evaluated on a clock
        // moved ahead (in a process still running, so without a removal time) were counted too
        List<HistoricDecisionInstance> grades = instances.stream()
                .filter(i -> i.getProcessDefinitionKey().equals(CampaignProcess.KEY))
                .flatMap(i -> historyService.createHistoricDecisionInstanceQuery().processInstanceId(i.getId()).list().stream())
                .filter(d -> !d.getEvaluationTime().toInstant().isBefore(started))
                .toList();
        Map<String, Long> records = applicationRecords(id);
        assertThat(instances).extracting(HistoricProcessInstance::getProcessDefinitionKey).contains(CampaignProcess.KEY,
                UnitAssessmentProcess.KEY, SpecialistEvaluationProcess.KEY, DeadlineProcess.KEY);
        assertThat(grades).isNotEmpty();
        assertThat(records).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        assertThat(tasks(instanceIds)).isPositive();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(instanceIds).count()).isPositive();

        // and each root instance is to be removed its model's time to live (the settings, not the model file) after it ended
        for (HistoricProcessInstance instance : instances) {
            if (instance.getRootProcessInstanceId().equals(instance.getId())) {
                Integer days = settings.timeToLiveDays().get(instance.getProcessDefinitionKey());
                assertThat(instance.getRemovalTime()).as(instance.getProcessDefinitionKey())
                        .isEqualTo(Date.from(instance.getEndTime().toInstant().plus(Duration.ofDays(days))));
            }
        }
        Instant removal = Stream.concat(instances.stream().map(HistoricProcessInstance::getRemovalTime),
                        grades.stream().map(HistoricDecisionInstance::getRemovalTime))
                .map(time -> Objects.requireNonNull(time, "history without a removal time is never cleaned up").toInstant())
                .max(Comparator.naturalOrder()).orElseThrow();

        // when the cleanup runs in its window the night before the last removal time
        runCleanupInWindowOf(LocalDate.ofInstant(removal, ZoneId.systemDefault()).minusDays(1));

        // then the history is still there
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceIds(Set.of(instanceIds)).count())
                .isEqualTo(instances.size());

        // when it runs in its window the night after
        runCleanupInWindowOf(LocalDate.ofInstant(removal, ZoneId.systemDefault()).plusDays(1));

        // then the campaign's instances, tasks, variables, activities and grade decisions are gone from the history
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceIds(Set.of(instanceIds)).count()).isZero();
        assertThat(tasks(instanceIds)).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(instanceIds).count()).isZero();
        assertThat(activities(instanceIds)).isZero();
        assertThat(historyService.createHistoricDecisionInstanceQuery()
                .decisionInstanceIdIn(grades.stream().map(HistoricDecisionInstance::getId).toArray(String[]::new)).count())
                .isZero();
        // and every application record of it stays
        assertThat(applicationRecords(id)).isEqualTo(records);
    }

    /**
     * Moves the clock a minute into the configured window of that night, asks for the cleanup as an administrator
     * (or the nightly schedule) would, and runs its due jobs the way the job executor would, until none is due.
     */
    private void runCleanupInWindowOf(LocalDate night) {
        ClockUtil.setCurrentTime(Date.from(night.atTime(LocalTime.parse(windowStart).plusMinutes(1))
                .atZone(ZoneId.systemDefault()).toInstant()));
        historyService.cleanUpHistoryAsync();
        for (int run = 0; run < 1_000; run++) {
            List<Job> due = historyService.findHistoryCleanupJobs().stream()
                    .filter(job -> job.getDuedate() != null && !job.getDuedate().after(ClockUtil.getCurrentTime()))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new IllegalStateException("The history cleanup keeps running");
    }

    private long tasks(String[] instanceIds) {
        return Stream.of(instanceIds)
                .mapToLong(instance -> historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).count()).sum();
    }

    private long activities(String[] instanceIds) {
        return Stream.of(instanceIds)
                .mapToLong(instance -> historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count())
                .sum();
    }

    private Map<String, Long> applicationRecords(Long campaignId) {
        return APPLICATION_TABLES.stream().collect(Collectors.toMap(table -> table,
                table -> jdbc.queryForObject("select count(*) from " + table + " where campaign_id = ?", Long.class, campaignId)));
    }
}
