package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The login throttle on its own, on a clock the test moves: who waits after which failures, and who does not. */
class LoginThrottleTests {

    static final String ATTACKER = "203.0.113.7";
    static final String OWNER = "198.51.100.20";

    final MovableClock clock = new MovableClock();
    final LoginThrottle throttle = new LoginThrottle(new LoginThrottleSettings(Duration.ofMinutes(15), 20,
            Duration.ofSeconds(2), Duration.ofMinutes(1), 100, 32, 100_000), clock);

    @Test
    void aWrongPasswordMakesOnlyThatAddressWaitForThatAccount() {
        // given the attacker's wrong password for leader01
        fail("leader01", ATTACKER);

        // then the attacker waits 2 s for leader01, but may try another account, and the owner is not affected
        assertThat(throttle.attempt("leader01", ATTACKER)).isEqualTo(new LoginThrottle.Refused(Duration.ofSeconds(2)));
        assertThat(throttle.attempt("office01", ATTACKER)).isInstanceOf(LoginThrottle.Allowed.class);
        assertThat(throttle.attempt("leader01", OWNER)).isInstanceOf(LoginThrottle.Allowed.class);
    }

    @Test
    void theWaitDoublesWithEachFailureUpToAMinute() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fail("leader01", ATTACKER);
            LoginThrottle.Refused refused = (LoginThrottle.Refused) throttle.attempt("leader01", ATTACKER);
            waits.add(refused.retryAfter());
            clock.advance(refused.retryAfter());
        }

        assertThat(waits).extracting(Duration::toSeconds).containsExactly(2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void aRightPasswordEndsTheWait() {
        fail("leader01", OWNER);
        clock.advance(Duration.ofSeconds(2));
        fail("leader01", OWNER);
        clock.advance(Duration.ofSeconds(4));

        LoginThrottle.Allowed attempt = (LoginThrottle.Allowed) throttle.attempt("leader01", OWNER);
        throttle.succeeded(attempt);

        // the next slip waits 2 s again, not 8 s
        fail("leader01", OWNER);
        assertThat(throttle.attempt("leader01", OWNER)).isEqualTo(new LoginThrottle.Refused(Duration.ofSeconds(2)));
    }

    @Test
    void anAddressFailingTwentyTimesWaitsForAnyAccountUntilTheOldestFailureAgesOut() {
        // given twenty wrong passwords from one address within 200 s, each for another account
        for (int i = 0; i < 20; i++) {
            fail("unit" + i, ATTACKER);
            clock.advance(Duration.ofSeconds(10));
        }

        // then the address may try no account, not even a fresh one, until 15 min after its first failure
        assertThat(throttle.attempt("fresh01", ATTACKER)).isEqualTo(new LoginThrottle.Refused(Duration.ofSeconds(700)));
        // while the owners of those accounts, elsewhere, log in as always
        assertThat(throttle.attempt("unit3", OWNER)).isInstanceOf(LoginThrottle.Allowed.class);
        clock.advance(Duration.ofSeconds(700));
        assertThat(throttle.attempt("fresh01", ATTACKER)).isInstanceOf(LoginThrottle.Allowed.class);
    }

    @Test
    void guessingFromManyAddressesLeavesTheAccountToTheAddressesItWasUsedFrom() {
        // given the owner logged in once, then a hundred addresses guessed the account's password
        throttle.succeeded((LoginThrottle.Allowed) throttle.attempt("leader01", OWNER));
        for (int i = 0; i < 100; i++) {
            fail("leader01", "192.0.2." + i);
        }

        // then a new address may not try it, the owner's may
        assertThat(throttle.attempt("leader01", "192.0.2.200")).isInstanceOf(LoginThrottle.Refused.class);
        assertThat(throttle.attempt("leader01", OWNER)).isInstanceOf(LoginThrottle.Allowed.class);
    }

    @Test
    void parallelAttemptsOfAFailingClientCountBeforeTheyAreDecided() {
        // given one failure, then as many attempts in flight as the address has failures left
        fail("unit0", ATTACKER);
        int letThrough = 0;
        for (int i = 1; i <= 30; i++) {
            if (throttle.attempt("unit" + i, ATTACKER) instanceof LoginThrottle.Allowed) {
                letThrough++;
            }
        }

        // then no more than the limit were let through
        assertThat(letThrough).isEqualTo(19);
    }

    @Test
    void aCleanClientMayCheckManyPasswordsAtOnceButNotWithoutBound() {
        int letThrough = 0;
        for (int i = 0; i < 40; i++) {
            if (throttle.attempt("office01", OWNER) instanceof LoginThrottle.Allowed) {
                letThrough++;
            }
        }

        assertThat(letThrough).isEqualTo(32);
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        assertThat(LoginThrottle.client("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.client("2001:db8:1:2:bbbb::2"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.client("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.client("2001:db8:1:2::1"));
        assertThat(LoginThrottle.client("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    private void fail(String account, String address) {
        LoginThrottle.Attempt attempt = throttle.attempt(account, address);
        assertThat(attempt).as(account + " from " + address).isInstanceOf(LoginThrottle.Allowed.class);
        throttle.failed((LoginThrottle.Allowed) attempt);
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2025-11-20T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
