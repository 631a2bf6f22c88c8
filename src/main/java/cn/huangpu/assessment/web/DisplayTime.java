package cn.huangpu.assessment.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the pages, notices and messages write them, in the office's time zone. Every module formats
 * dates through it, so none has to ask the campaign module for a date's wording. The zone is the campaign
 * setting {@code assessment.campaign.zone}; the campaign module makes the bean.
 */
public final class DisplayTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final ZoneId zone;

    public DisplayTime(ZoneId zone) {
        this.zone = zone;
    }

    /** A moment to the minute: 2023年11月20日 23:59. */
    public String format(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** A day as people write it in a sentence: 12月8日. */
    public String formatDay(Instant instant) {
        return DAY.format(instant.atZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
