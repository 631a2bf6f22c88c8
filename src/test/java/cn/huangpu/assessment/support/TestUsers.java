package cn.huangpu.assessment.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct campaign years for tests that share a database (one campaign per year). The ranges stay clear of the
 * years StartFormPropertyTests may open (up to 2089), which would otherwise take a year handed out later:
 * {@link #freshYear()} counts up from 2200 (the test profile allows years up to 9999), {@link #formYear()} down
 * from 2100, the highest year the Tasklist's start form accepts.
 */
public final class TestUsers {

    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2200);
    private static final AtomicInteger NEXT_FORM_YEAR = new AtomicInteger(2100);

    private TestUsers() {
    }

    public static int freshYear() {
        return NEXT_YEAR.getAndIncrement();
    }

    /** A year for a campaign opened through the start form. */
    public static int formYear() {
        return NEXT_FORM_YEAR.getAndDecrement();
    }
}
