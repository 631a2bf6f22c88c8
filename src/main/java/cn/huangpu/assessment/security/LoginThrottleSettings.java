package cn.huangpu.assessment.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How wrong passwords slow a client down (see {@link LoginThrottle}).
 *
 * @param window                how long a failure counts
 * @param maxFailuresPerAddress failures from one client address (an IPv6 client: its /64) within the window,
 *                              any accounts, after which that address may not try again until the oldest ages out
 * @param accountDelayBase      wait after the first wrong password for an account, from that address only;
 *                              doubled for each further one
 * @param accountDelayMax       the longest such wait
 * @param maxFailuresPerAccount failures for one account from all addresses within the window after which only
 *                              addresses that logged into it before may try (a guessing attack from many addresses)
 * @param maxConcurrentPerAddress password checks in flight at once from one client address
 * @param maxTracked            entries kept in memory before expired ones are dropped
 */
@ConfigurationProperties(prefix = "assessment.login-throttle")
record LoginThrottleSettings(Duration window, int maxFailuresPerAddress, Duration accountDelayBase,
                             Duration accountDelayMax, int maxFailuresPerAccount, int maxConcurrentPerAddress,
                             int maxTracked) {

    LoginThrottleSettings {
        window = window == null ? Duration.ofMinutes(15) : window;
        maxFailuresPerAddress = maxFailuresPerAddress <= 0 ? 20 : maxFailuresPerAddress;
        accountDelayBase = accountDelayBase == null ? Duration.ofSeconds(2) : accountDelayBase;
        accountDelayMax = accountDelayMax == null ? Duration.ofMinutes(1) : accountDelayMax;
        maxFailuresPerAccount = maxFailuresPerAccount <= 0 ? 100 : maxFailuresPerAccount;
        maxConcurrentPerAddress = maxConcurrentPerAddress <= 0 ? 32 : maxConcurrentPerAddress;
        maxTracked = maxTracked <= 0 ? 100_000 : maxTracked;
    }
}
