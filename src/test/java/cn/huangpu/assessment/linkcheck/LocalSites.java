package cn.huangpu.assessment.linkcheck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small web sites on loopback addresses (127.0.0.x) that behave like the pages units link to: a good
 * page, a wrong page, 404, a Chinese soft 404, redirect chains and loops, slow and oversized pages.
 * Each site counts the requests it serves at once, so tests can assert the checker's limits.
 */
public final class LocalSites implements AutoCloseable {

    static final String GOOD_PAGE = "<html><head><title>机构职能信息 - 黄浦区人民政府</title></head>"
            + "<body><h1>机构职能信息</h1><p>机关职能、机构设置、办公地址、联系方式。</p></body></html>";

    final Map<String, HttpServer> servers = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    final AtomicInteger globalInFlight = new AtomicInteger();
    final AtomicInteger globalMax = new AtomicInteger();
    final List<String> cookiesSeen = new CopyOnWriteArrayList<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();
    volatile long slowMillis = 2_000;
    volatile long servingMillis = 0;

    public LocalSites(String... addresses) throws IOException {
        for (String address : addresses) {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/", exchange -> serve(address, exchange));
            server.start();
            servers.put(address, server);
            inFlight.put(address, new AtomicInteger());
            maxInFlight.put(address, new AtomicInteger());
        }
    }

    public String url(String address, String path) {
        return "http://" + address + ":" + servers.get(address).getAddress().getPort() + path;
    }

    /**
     * Counts a request as in flight from its arrival until just before its response is written: the
     * checker holds its slot over that whole span, so the count can never exceed the checker's limit
     * by a race between one response's last byte and the next request.
     */
    private void serve(String address, HttpExchange exchange) throws IOException {
        int now = inFlight.get(address).incrementAndGet();
        maxInFlight.get(address).accumulateAndGet(now, Math::max);
        globalMax.accumulateAndGet(globalInFlight.incrementAndGet(), Math::max);
        try {
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            if (cookie != null) {
                cookiesSeen.add(cookie);
            }
            userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            if (servingMillis > 0) {
                sleep(servingMillis);
            }
        } finally {
            inFlight.get(address).decrementAndGet();
            globalInFlight.decrementAndGet();
        }
        respond(exchange);
    }

    private void respond(HttpExchange exchange) throws IOException {
        {
            String path = exchange.getRequestURI().getPath();
            String kind = path.split("/")[1];
            switch (kind) {
                case "ok" -> page(exchange, 200, GOOD_PAGE, StandardCharsets.UTF_8);
                case "gbk" -> page(exchange, 200, "<html><head><meta charset=\"gbk\"><title>财政预决算</title></head>"
                        + "<body>财政预决算公开</body></html>", Charset.forName("GBK"));
                case "nokeyword" -> page(exchange, 200, "<html><head><title>首页</title></head><body>欢迎访问</body></html>",
                        StandardCharsets.UTF_8);
                case "missing" -> page(exchange, 404, "<html><body>Not Found</body></html>", StandardCharsets.UTF_8);
                case "soft404" -> page(exchange, 200, "<html><head><title>页面不存在</title></head>"
                        + "<body>对不起，您访问的页面不存在或已被删除。</body></html>", StandardCharsets.UTF_8);
                case "r1" -> redirect(exchange, 301, "/r2/x");
                case "r2" -> redirect(exchange, 302, "/ok/x");
                case "loop1" -> redirect(exchange, 302, "/loop2/x");
                case "loop2" -> redirect(exchange, 302, "/loop1/x");
                case "to-private" -> redirect(exchange, 302, "http://intranet.huangpu.gov.cn/secret");
                case "setcookie" -> {
                    exchange.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
                    redirect(exchange, 302, "/ok/after-cookie");
                }
                case "slow" -> {
                    sleep(slowMillis);
                    page(exchange, 200, GOOD_PAGE, StandardCharsets.UTF_8);
                }
                case "big" -> page(exchange, 200, "<html><body>机构职能信息" + "x".repeat(300_000) + "</body></html>",
                        StandardCharsets.UTF_8);
                default -> page(exchange, 404, "", StandardCharsets.UTF_8);
            }
        }
    }

    private static void page(HttpExchange exchange, int status, String html, Charset charset) throws IOException {
        byte[] body = html.getBytes(charset);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=" + charset.name());
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException clientGone) {
            // the checker stops reading a page over its size limit
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        servers.values().forEach(s -> s.stop(0));
    }
}
