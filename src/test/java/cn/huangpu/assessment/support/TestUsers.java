package cn.huangpu.assessment.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct campaign years for tests that share a database (one campaign per year). They start far above the years
 * that property tests generate (StartFormPropertyTests opens campaigns in random years up to 2110), which would
 * otherwise take a year this counter hands out later; the test profile allows years up to 9999.
 */
public final class TestUsers {

    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2200);

    private TestUsers() {
    }

    public static int freshYear() {
        return NEXT_YEAR.getAndIncrement();
    }
}
