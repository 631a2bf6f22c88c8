package cn.huangpu.assessment.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down per client, so that guessing is slow and nobody can lock anyone else out.
 * The engine's own lock counted failures per account whoever made them: anyone could lock any known
 * account, for good after ten tries. It is off (application.yaml), and this throttle decides instead:
 * <ul>
 *   <li>per account and client address: after a wrong password the same address waits before trying that
 *       account again, 2 s doubling up to a minute; a right password clears it. The account's owner at another
 *       address is not affected;</li>
 *   <li>per client address (an IPv6 client: its /64): after 20 failures within 15 minutes, for any accounts,
 *       the address may not try again until the oldest failure is 15 minutes old;</li>
 *   <li>per account: after 100 failures within 15 minutes from all addresses together (guessing from many
 *       addresses), only addresses that logged into it before may try it.</li>
 * </ul>
 * So that parallel requests cannot slip past the counts, a client has at most 32 password checks in flight,
 * and once it has failed, its checks in flight count as failures until they are decided, and at most one
 * check per account runs at a time. State is in memory, per node.
 */
@Component
class LoginThrottle {

    /** The answer to an attempt: refused with a wait, or let through. */
    sealed interface Attempt {
    }

    /** Not now: the password is not checked. */
    record Refused(Duration retryAfter) implements Attempt {
    }

    /** The password may be checked; report how it went with {@link #succeeded}, {@link #failed} or {@link #abandoned}. */
    record Allowed(String account, String client) implements Attempt {

        String pair() {
            return account + " " + client;
        }
    }

    private record Backoff(int failures, Instant until, Instant last) {
    }

    private static final int KNOWN_ADDRESSES_PER_ACCOUNT = 16;

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failuresByClient = new HashMap<>();
    private final Map<String, Deque<Instant>> failuresByAccount = new HashMap<>();
    private final Map<String, Backoff> backoffs = new HashMap<>();
    private final Map<String, Map<String, Instant>> knownClients = new HashMap<>();
    private final Map<String, Integer> inFlightByClient = new HashMap<>();
    private final Map<String, Integer> inFlightByPair = new HashMap<>();

    @Autowired
    LoginThrottle(LoginThrottleSettings settings) {
        this(settings, Clock.systemUTC());
    }

    LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether this address may try this account's password now. */
    synchronized Attempt attempt(String account, String address) {
        Instant now = clock.instant();
        Allowed attempt = new Allowed(account.strip().toLowerCase(Locale.ROOT), client(address));
        int inFlight = inFlightByClient.getOrDefault(attempt.client(), 0);
        Duration wait = Duration.ZERO;
        if (inFlight >= settings.maxConcurrentPerAddress()) {
            wait = Duration.ofSeconds(1);
        }
        Deque<Instant> byClient = recent(failuresByClient, attempt.client(), now);
        if (!byClient.isEmpty() && byClient.size() + inFlight >= settings.maxFailuresPerAddress()) {
            wait = longer(wait, byClient.size() >= settings.maxFailuresPerAddress()
                    ? Duration.between(now, byClient.peekFirst().plus(settings.window())) : Duration.ofSeconds(1));
        }
        Backoff backoff = backoff(attempt.pair(), now);
        if (backoff != null) {
            wait = longer(wait, backoff.until().isAfter(now) ? Duration.between(now, backoff.until())
                    : inFlightByPair.getOrDefault(attempt.pair(), 0) > 0 ? Duration.ofSeconds(1) : Duration.ZERO);
        }
        Deque<Instant> byAccount = recent(failuresByAccount, attempt.account(), now);
        if (byAccount.size() >= settings.maxFailuresPerAccount()
                && !knownClients.getOrDefault(attempt.account(), Map.of()).containsKey(attempt.client())) {
            wait = longer(wait, Duration.between(now, byAccount.peekFirst().plus(settings.window())));
        }
        if (!wait.isZero()) {
            return new Refused(wait);
        }
        inFlightByClient.merge(attempt.client(), 1, Integer::sum);
        inFlightByPair.merge(attempt.pair(), 1, Integer::sum);
        return attempt;
    }

    /** The password was right: the address's wait for the account ends, and the address is known to it. */
    synchronized void succeeded(Allowed attempt) {
        release(attempt);
        backoffs.remove(attempt.pair());
        Map<String, Instant> known = knownClients.computeIfAbsent(attempt.account(), a -> new LinkedHashMap<>());
        known.remove(attempt.client());
        known.put(attempt.client(), clock.instant());
        if (known.size() > KNOWN_ADDRESSES_PER_ACCOUNT) {
            known.remove(known.keySet().iterator().next());
        }
    }

    /** The password was wrong (or the account does not exist): it counts, and the address waits for the account. */
    synchronized void failed(Allowed attempt) {
        Instant now = clock.instant();
        release(attempt);
        add(failuresByClient, attempt.client(), now, settings.maxFailuresPerAddress());
        add(failuresByAccount, attempt.account(), now, settings.maxFailuresPerAccount());
        Backoff backoff = backoff(attempt.pair(), now);
        int failures = backoff == null ? 1 : backoff.failures() + 1;
        backoffs.put(attempt.pair(), new Backoff(failures, now.plus(delay(failures)), now));
        forgetExpired(now);
    }

    /** The check could not be made (the engine failed): nothing counts. */
    synchronized void abandoned(Allowed attempt) {
        release(attempt);
    }

    /** The wait after the n-th failure in a row: base, doubled per failure, at most the maximum. */
    Duration delay(int failures) {
        long millis = settings.accountDelayBase().toMillis() << Math.min(failures - 1, 30);
        return Duration.ofMillis(Math.min(millis, settings.accountDelayMax().toMillis()));
    }

    /** What counts as one client: the address, for IPv6 its /64 (one subscriber's network). */
    static String client(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') >= 0) {
            try {
                // a literal: no lookup happens
                InetAddress parsed = InetAddress.getByName(address.replaceFirst("%.*$", ""));
                if (parsed instanceof Inet6Address) {
                    byte[] bytes = parsed.getAddress();
                    for (int i = 8; i < 16; i++) {
                        bytes[i] = 0;
                    }
                    return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
                }
                return parsed.getHostAddress();
            } catch (UnknownHostException notALiteral) {
                return address;
            }
        }
        return address;
    }

    private void release(Allowed attempt) {
        inFlightByClient.computeIfPresent(attempt.client(), (k, n) -> n > 1 ? n - 1 : null);
        inFlightByPair.computeIfPresent(attempt.pair(), (k, n) -> n > 1 ? n - 1 : null);
    }

    private Backoff backoff(String pair, Instant now) {
        Backoff backoff = backoffs.get(pair);
        // a run of failures ends once the address left the account alone for a whole window
        return backoff != null && backoff.last().plus(settings.window()).isAfter(now) ? backoff : null;
    }

    private Deque<Instant> recent(Map<String, Deque<Instant>> failures, String key, Instant now) {
        Deque<Instant> times = failures.getOrDefault(key, new ArrayDeque<>());
        Instant cutoff = now.minus(settings.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.pollFirst();
        }
        return times;
    }

    private static void add(Map<String, Deque<Instant>> failures, String key, Instant at, int keep) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(at);
        while (times.size() > keep) {
            times.pollFirst();
        }
    }

    private void forgetExpired(Instant now) {
        if (failuresByClient.size() + failuresByAccount.size() + backoffs.size() <= settings.maxTracked()) {
            return;
        }
        Instant cutoff = now.minus(settings.window());
        for (Map<String, Deque<Instant>> failures : List.of(failuresByClient, failuresByAccount)) {
            for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
                Deque<Instant> times = it.next();
                if (times.isEmpty() || !times.peekLast().isAfter(cutoff)) {
                    it.remove();
                }
            }
        }
        backoffs.values().removeIf(b -> !b.last().isAfter(cutoff) && !b.until().isAfter(now));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
