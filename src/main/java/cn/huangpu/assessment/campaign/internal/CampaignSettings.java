package cn.huangpu.assessment.campaign.internal;

import java.time.MonthDay;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Campaign defaults: the plan's dates moved to the campaign's year (domain: "every date is a setting").
 *
 * @param zone                 the office's time zone (Asia/Shanghai)
 * @param selfCheckDue         day the self-check is due (plan 五(一): 11月20日前)
 * @param specialistDue        day the specialist results are due (11月20日前)
 * @param comprehensiveDue     day the comprehensive evaluation is due ("early December": 8 December)
 * @param resultsDue           day the grades are due ("mid-December": 15 December)
 * @param dueTime              time of day of every default deadline (23:59)
 * @param launchBatchSize      unit processes started per transaction when a campaign opens
 * @param refreshStatisticsAfterLaunch on PostgreSQL, refresh the planner statistics of the engine's runtime
 *                             tables once the units are launched (default true)
 */
@ConfigurationProperties(prefix = "assessment.campaign")
public record CampaignSettings(ZoneId zone, MonthDay selfCheckDue, MonthDay specialistDue, MonthDay comprehensiveDue,
                               MonthDay resultsDue, LocalTime dueTime, int launchBatchSize,
                               Boolean refreshStatisticsAfterLaunch, Integer latestYear) {

    public CampaignSettings {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        selfCheckDue = selfCheckDue == null ? MonthDay.of(11, 20) : selfCheckDue;
        specialistDue = specialistDue == null ? MonthDay.of(11, 20) : specialistDue;
        comprehensiveDue = comprehensiveDue == null ? MonthDay.of(12, 8) : comprehensiveDue;
        resultsDue = resultsDue == null ? MonthDay.of(12, 15) : resultsDue;
        dueTime = dueTime == null ? LocalTime.of(23, 59) : dueTime;
        launchBatchSize = launchBatchSize <= 0 ? 250 : launchBatchSize;
        refreshStatisticsAfterLaunch = refreshStatisticsAfterLaunch == null || refreshStatisticsAfterLaunch;
        latestYear = latestYear == null ? 2100 : latestYear;
    }
}
