package cn.huangpu.assessment.catalogue;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The last day a date condition accepts: either a fixed calendar day, or a month and day of the campaign's
 * year. A catalogue is reused for every later campaign until a newer one exists (the newest not later than
 * the campaign's year), so a deadline that the seed states in the plan's own year ("于2023年1月20日之前") has
 * to move with the campaign, or it could not be met by any later campaign.
 *
 * @param fixed          the day itself, for every campaign; null when the day follows the campaign's year
 * @param inCampaignYear the month and day in the campaign's year; null when the day is fixed
 */
public record DueDate(LocalDate fixed, MonthDay inCampaignYear) {

    public DueDate {
        if ((fixed == null) == (inCampaignYear == null)) {
            throw new IllegalArgumentException("A due date is either fixed or in the campaign year");
        }
    }

    public static DueDate on(LocalDate day) {
        return new DueDate(day, null);
    }

    public static DueDate inCampaignYear(MonthDay monthDay) {
        return new DueDate(null, monthDay);
    }

    /** The day this due date stands for in a campaign of {@code campaignYear}. */
    public LocalDate forCampaignYear(int campaignYear) {
        return fixed != null ? fixed : inCampaignYear.atYear(campaignYear);
    }
}
