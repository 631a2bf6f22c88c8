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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * The query behind a unit user's Tasklist: the seeded filter 本单位待办 (candidate group in the user's
 * groups, assigned tasks included), newest first, first page of 15, as the Tasklist asks for it. Each
 * of the concurrent users asks repeatedly after a warm-up; every answer must hold exactly the user's own
 * open task, so a query that leaks or loses tasks fails the benchmark instead of being timed.
 */
final class TaskListProbe {

    record UnitUser(String userId, String groupId) {
    }

    record Latency(int samples, double p50Ms, double p95Ms) {
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
        List<Session> sessions = new ArrayList<>();
        for (UnitUser user : users) {
            sessions.add(login(user));
        }
        URI uri = URI.create(base() + "/camunda/api/engine/engine/default/filter/" + filterId
                + "/list?firstResult=0&maxResults=15");
        return measure(rounds, thinkMillis, index -> {
            Session session = sessions.get(index);
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
        });
    }

    private record Session(HttpClient client, String csrfToken) {
    }

    private Session login(UnitUser user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = FORM_CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "username=" + encode(user.userId()) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = loggedIn.headers().firstValue("Location").orElse("");
        if (loggedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login of " + user.userId() + " failed: HTTP " + loggedIn.statusCode() + " " + location);
        }
        HttpResponse<String> engines = client.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/engine/engine/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String token = engines.headers().firstValue("X-XSRF-TOKEN")
                .orElseThrow(() -> new IllegalStateException("No Tasklist CSRF token for " + user.userId()));
        return new Session(client, token);
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
        CyclicBarrier start = new CyclicBarrier(users.size());
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
            Collections.sort(all);
            return new Latency(all.size(), percentile(all, 0.50), percentile(all, 0.95));
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
