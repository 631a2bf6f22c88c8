package cn.huangpu.assessment.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * The query behind a unit user's Tasklist: the seeded filter 本单位待办 (candidate group in the user's
 * groups, assigned tasks included), newest first, first page of 15, as the Tasklist asks for it. Each
 * of the concurrent users asks repeatedly after a warm-up (closed loop), or the requests arrive at a fixed
 * rate whatever the answers do (open loop); every answer must hold exactly the user's own open task, so a
 * query that leaks or loses tasks fails the benchmark instead of being timed.
 */
final class TaskListProbe {

    record UnitUser(String userId, String groupId) {
    }

    /** {@code perSecond}: answers per second of wall time over the measured requests (throughput). */
    record Latency(int samples, double p50Ms, double p95Ms, double perSecond) {
    }

    /**
     * An open-loop run: {@code requests} sent at {@code perSecond} for {@code seconds}, whatever the answers did;
     * each latency counts from the moment the request was due, so a stalled server shows in it instead of slowing
     * the arrivals (no coordinated omission). {@code maxLateMs}: how far the sender itself fell behind its schedule.
     */
    record OpenLoop(int perSecond, int seconds, int requests, double p50Ms, double p95Ms, double p99Ms, double maxMs,
                    double maxLateMs) {
    }

    static final String PASSWORD = "bench-password";
    private static final int WARM_UP = 5;
    private static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final ProcessEngine engine;
    private final String filterId;
    private final List<UnitUser> users;
    private final Integer httpPort;
    private final ObjectMapper json = new ObjectMapper();

    TaskListProbe(ProcessEngine engine, String filterId, List<UnitUser> users, Integer httpPort) {
        this.engine = engine;
        this.filterId = filterId;
        this.users = List.copyOf(users);
        this.httpPort = httpPort;
    }

    boolean hasHttp() {
        return httpPort != null;
    }

    /** Through the engine's filter API in this JVM, under each user's authentication. */
    Latency inProcess(int rounds) throws Exception {
        return measure(rounds, 0, index -> {
            UnitUser user = users.get(index);
            engine.getIdentityService().setAuthentication(user.userId(), List.of(user.groupId()));
            try {
                List<Task> tasks = engine.getFilterService().listPage(filterId,
                        engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc(), 0, 15);
                return tasks.size();
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        });
    }

    /**
     * Over HTTP the way the Tasklist asks: each user logs in once through the application's login page,
     * then posts the filter query to the webapps' engine API with its session cookie and CSRF token and
     * takes hal+json (the list with its count). {@code thinkMillis} is the pause of each user between two
     * requests: 0 makes the users ask back to back, as fast as the server answers.
     */
    Latency tasklist(int rounds, int thinkMillis) throws Exception {
        List<Session> sessions = sessions();
        return measure(rounds, thinkMillis, index -> listOverHttp(sessions.get(index), index));
    }

    /**
     * Open loop: list requests arrive at {@code perSecond} for {@code seconds}, spread over the users in turn, each
     * sent at its due moment on a thread of its own whether or not earlier ones were answered (people do not wait
     * for each other). Each user's session warms up first; every answer is checked as in {@link #tasklist}.
     */
    OpenLoop openLoop(int perSecond, int seconds) throws Exception {
        List<Session> sessions = sessions();
        for (int u = 0; u < users.size(); u++) {
            for (int i = 0; i < WARM_UP; i++) {
                check(users.get(u), listOverHttp(sessions.get(u), u));
            }
        }
        int total = perSecond * seconds;
        long interval = 1_000_000_000L / perSecond;
        long[] nanos = new long[total];
        AtomicLong maxLate = new AtomicLong();
        ExecutorService senders = Executors.newCachedThreadPool();
        try {
            List<Future<?>> answers = new ArrayList<>(total);
            long first = System.nanoTime() + 100_000_000L;
            for (int i = 0; i < total; i++) {
                long due = first + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                int request = i;
                int user = i % users.size();
                answers.add(senders.submit(() -> {
                    maxLate.accumulateAndGet(System.nanoTime() - due, Math::max);
                    int seen = listOverHttp(sessions.get(user), user);
                    nanos[request] = System.nanoTime() - due;
                    check(users.get(user), seen);
                    return null;
                }));
            }
            for (Future<?> answer : answers) {
                answer.get();
            }
        } finally {
            senders.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(total);
        for (long n : nanos) {
            sorted.add(n);
        }
        Collections.sort(sorted);
        return new OpenLoop(perSecond, seconds, total, percentile(sorted, 0.50), percentile(sorted, 0.95),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, maxLate.get() / 1e6);
    }

    private List<Session> sessions() throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (UnitUser user : users) {
            sessions.add(login(user));
        }
        return sessions;
    }

    /** The Tasklist's list request as the user at this index; returns the number of tasks in the answer. */
    private int listOverHttp(Session session, int index) throws Exception {
        URI uri = URI.create(base() + "/camunda/api/engine/engine/default/filter/" + filterId
                + "/list?firstResult=0&maxResults=15");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("X-XSRF-TOKEN", session.csrfToken())
                .header("Accept", "application/hal+json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_BODY)).build();
        HttpResponse<String> response = session.client().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Task list of " + users.get(index).userId() + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("_embedded").path("task").size();
    }

    private record Session(HttpClient client, String csrfToken) {
    }

    private Session login(UnitUser user) throws Exception {
        HttpClient client = login(base(), user.userId(), PASSWORD);
        HttpResponse<String> engines = client.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/engine/engine/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String token = engines.headers().firstValue("X-XSRF-TOKEN")
                .orElseThrow(() -> new IllegalStateException("No Tasklist CSRF token for " + user.userId()));
        return new Session(client, token);
    }

    /** Logs the user in through the application's login page; returns a client that holds the session cookie. */
    static HttpClient login(String base, String userId, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = FORM_CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "username=" + encode(userId) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = loggedIn.headers().firstValue("Location").orElse("");
        if (loggedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login of " + userId + " failed: HTTP " + loggedIn.statusCode() + " " + location);
        }
        return client;
    }

    private String base() {
        return "http://localhost:" + httpPort;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private interface Query {
        /** Runs the query as the user at this index; returns the number of tasks the user sees. */
        int run(int userIndex) throws Exception;
    }

    private Latency measure(int rounds, int thinkMillis, Query query) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        AtomicLong started = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(users.size(), () -> started.set(System.nanoTime()));
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int u = 0; u < users.size(); u++) {
                int index = u;
                UnitUser user = users.get(index);
                futures.add(pool.submit(() -> {
                    Random think = new Random(index);
                    for (int i = 0; i < WARM_UP; i++) {
                        check(user, query.run(index));
                    }
                    start.await();
                    List<Long> nanos = new ArrayList<>(rounds);
                    for (int i = 0; i < rounds; i++) {
                        if (thinkMillis > 0) {
                            // Pauses spread over [thinkMillis / 2, thinkMillis * 3 / 2], so users do not ask in step.
                            Thread.sleep(thinkMillis / 2 + think.nextInt(thinkMillis + 1));
                        }
                        long begin = System.nanoTime();
                        int seen = query.run(index);
                        nanos.add(System.nanoTime() - begin);
                        check(user, seen);
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get());
            }
            double wallSeconds = (System.nanoTime() - started.get()) / 1e9;
            Collections.sort(all);
            return new Latency(all.size(), percentile(all, 0.50), percentile(all, 0.95), all.size() / wallSeconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(UnitUser user, int seen) {
        if (seen != 1) {
            throw new IllegalStateException(user.userId() + " sees " + seen + " tasks in 本单位待办, expected exactly its own one");
        }
    }

    /** {@code count} unit codes spread evenly over the list. */
    static List<String> sample(List<String> codes, int count) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(codes.get((int) ((long) i * codes.size() / count)));
        }
        return chosen;
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(List<Long> sortedNanos, double fraction) {
        int rank = (int) Math.ceil(fraction * sortedNanos.size());
        return sortedNanos.get(Math.max(0, rank - 1)) / 1e6;
    }
}
