package cn.huangpu.assessment.campaign;

/**
 * A campaign date given as the {@code days}th working day (工作日, as the State Council's notices make them) after
 * {@code after}: another date of the campaign, named as a request names it ({@code selfCheckDue},
 * {@code specialistDue}, {@code comprehensiveDue}, {@code resultsDue}), or a day written {@code 2026-10-08}. That
 * day itself is not counted; the date is due at the campaign's due time of day ({@code assessment.campaign.due-time},
 * 23:59) in the office's time zone. So 15 working days after a self-check due on Friday 2026-02-06 are due on
 * 2026-03-05 at 23:59: the Spring Festival holiday (15-23 February) is skipped and its two working Saturdays count.
 *
 * @param days  1 to 250
 * @param after the date counted from
 */
public record WorkingDaysAfter(Integer days, String after) {
}
