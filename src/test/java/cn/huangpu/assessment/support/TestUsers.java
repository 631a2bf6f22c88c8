package cn.huangpu.assessment.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Distinct campaign years for tests that share a database (one campaign per year). */
public final class TestUsers {

    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2030);

    private TestUsers() {
    }

    public static int freshYear() {
        return NEXT_YEAR.getAndIncrement();
    }
}
