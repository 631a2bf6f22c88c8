package cn.huangpu.assessment.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The application's own pages over HTTP, as the people who use them ask for them: each of {@code users}
 * sessions logs in through the login page as the given user and asks for the page again and again, all at
 * once. Every answer must be HTTP 200 and hold what the page is about (a unit's name: the last unit of a list,
 * the asked unit on a unit's page), so a page that errs, is refused or shows the wrong unit fails the benchmark
 * instead of being timed. Exports are asked one at a time and read back: every unit of the campaign must be a
 * row of the workbook.
 */
final class PageProbe {

    /** One request of a page: its path and a text the answer must contain. */
    record Ask(String path, String mustContain) {
    }

    record Timing(String page, String path, String user, int samples, double p50Ms, double p95Ms, double maxMs) {
    }

    record Export(String export, String path, String user, int runs, double maxSeconds, long bytes) {
    }

    record Measured(List<Timing> pages, List<Export> exports) {
    }

    private static final int WARM_UP = Integer.getInteger("bench.page-warm-up", 2);

    private final int port;

    PageProbe(int port) {
        this.port = port;
    }

    /**
     * {@code users} sessions of {@code userId} ask {@code rounds} times each, after {@code WARM_UP} untimed requests;
     * {@code asks} gives the request for a running number, so that unit pages go round the sampled units.
     */
    Timing page(String page, String userId, String password, int users, int rounds, IntFunction<Ask> asks) throws Exception {
        List<HttpClient> sessions = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            sessions.add(TaskListProbe.login(base(), userId, password));
        }
        ExecutorService pool = Executors.newFixedThreadPool(users);
        CyclicBarrier start = new CyclicBarrier(users);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                HttpClient session = sessions.get(u);
                int first = u * (rounds + WARM_UP);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < WARM_UP; i++) {
                        get(session, asks.apply(first + i), page, userId);
                    }
                    start.await();
                    List<Long> nanos = new ArrayList<>(rounds);
                    for (int i = 0; i < rounds; i++) {
                        Ask ask = asks.apply(first + WARM_UP + i);
                        long begin = System.nanoTime();
                        get(session, ask, page, userId);
                        nanos.add(System.nanoTime() - begin);
                    }
                    return nanos;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get());
            }
            Collections.sort(all);
            return new Timing(page, asks.apply(0).path(), userId, all.size(), TaskListProbe.percentile(all, 0.50),
                    TaskListProbe.percentile(all, 0.95), all.get(all.size() - 1) / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Asks for a workbook {@code runs} times one after the other (after one untimed request) and checks each: HTTP
     * 200, a workbook whose sheet {@code sheetIndex} holds a row for every one of {@code unitCodes} in column
     * {@code codeColumn}.
     */
    Export export(String export, String path, String userId, String password, int runs, int sheetIndex, int codeColumn,
                  List<String> unitCodes) throws Exception {
        HttpClient session = TaskListProbe.login(base(), userId, password);
        download(session, path, export, sheetIndex, codeColumn, unitCodes);
        double maxSeconds = 0;
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long begin = System.nanoTime();
            byte[] body = fetch(session, path, export);
            maxSeconds = Math.max(maxSeconds, (System.nanoTime() - begin) / 1e9);
            bytes = body.length;
            checkWorkbook(body, export, sheetIndex, codeColumn, unitCodes);
        }
        return new Export(export, path, userId, runs, maxSeconds, bytes);
    }

    private void download(HttpClient session, String path, String export, int sheetIndex, int codeColumn,
                          List<String> unitCodes) throws Exception {
        checkWorkbook(fetch(session, path, export), export, sheetIndex, codeColumn, unitCodes);
    }

    private byte[] fetch(HttpClient session, String path, String what) throws Exception {
        HttpResponse<byte[]> response = session.send(HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " " + path + ": HTTP " + response.statusCode() + " "
                    + shorten(new String(response.body(), StandardCharsets.UTF_8)));
        }
        return response.body();
    }

    private static void checkWorkbook(byte[] body, String export, int sheetIndex, int codeColumn, List<String> unitCodes)
            throws Exception {
        Set<String> codes = new HashSet<>();
        DataFormatter text = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(sheetIndex);
            for (Row row : sheet) {
                Cell cell = row.getCell(codeColumn);
                if (cell != null) {
                    codes.add(text.formatCellValue(cell).strip());
                }
            }
        }
        List<String> missing = unitCodes.stream().filter(code -> !codes.contains(code)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(export + " lacks " + missing.size() + " of " + unitCodes.size()
                    + " units, e.g. " + missing.get(0));
        }
    }

    private void get(HttpClient session, Ask ask, String page, String userId) throws Exception {
        HttpResponse<String> response = session.send(HttpRequest.newBuilder(URI.create(base() + ask.path()))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(page + " " + ask.path() + " as " + userId + ": HTTP " + response.statusCode()
                    + " " + response.headers().firstValue("Location").orElse("") + " " + shorten(response.body()));
        }
        if (!response.body().contains(ask.mustContain())) {
            throw new IllegalStateException(page + " " + ask.path() + " as " + userId + " does not show “"
                    + ask.mustContain() + "”: " + shorten(response.body()));
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String shorten(String body) {
        return body.length() <= 400 ? body : body.substring(0, 400) + "…";
    }
}
