package cn.huangpu.assessment.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A walk over the application's pages the way a person clicks through them: from the start pages, every
 * same-origin link and GET target (links, htmx GET attributes, GET forms; not the webapps' single-page clients,
 * assets or the logout) breadth first to a depth, with at most a few pages of one route shape (the same route
 * with other ids), enough to see each route work.
 */
final class PageWalk {

    /** One page answered on the walk; {@code page} is its parsed HTML when it answered 200 with HTML, else null. */
    record Visit(String path, String linkedFrom, HttpResponse<String> response, Document page) {

        boolean start() {
            return linkedFrom.equals("(start)");
        }
    }

    interface Visitor {
        void visit(Visit visit) throws IOException, InterruptedException;
    }

    private PageWalk() {
    }

    static void walk(HttpClient client, int port, List<String> starts, int maxDepth, int perShape, Visitor visitor)
            throws IOException, InterruptedException {
        String origin = "http://localhost:" + port;
        Map<String, Integer> shapes = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<String[]> queue = new ArrayDeque<>();
        for (String start : starts) {
            queue.add(new String[] {start, "0", "(start)"});
            seen.add(start);
        }
        while (!queue.isEmpty()) {
            String[] next = queue.poll();
            String path = next[0];
            int depth = Integer.parseInt(next[1]);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(origin + path))
                    .header("Accept", "text/html,*/*").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            Document page = response.statusCode() == 200 && type.startsWith("text/html")
                    ? Jsoup.parse(response.body(), origin + path) : null;
            visitor.visit(new Visit(path, next[2], response, page));
            if (page == null || depth >= maxDepth) {
                continue;
            }
            for (String target : targets(page, origin)) {
                if (seen.add(target) && shapes.merge(shape(target), 1, Integer::sum) <= perShape) {
                    queue.add(new String[] {target, String.valueOf(depth + 1), path});
                }
            }
        }
    }

    private static List<String> targets(Document page, String origin) {
        List<String> targets = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        page.select("a[href]").forEach(a -> urls.add(a.absUrl("href")));
        page.select("[hx-get]").forEach(e -> urls.add(e.absUrl("hx-get")));
        for (Element form : page.select("form")) {
            if (form.attr("method").isEmpty() || form.attr("method").equalsIgnoreCase("get")) {
                urls.add(form.absUrl("action").isEmpty() ? page.location() : form.absUrl("action"));
            }
        }
        for (String url : urls) {
            if (!url.startsWith(origin)) {
                continue;
            }
            String target = pathAndQuery(url);
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            if (path.isEmpty() || path.startsWith("/camunda/") || path.equals("/logout") || path.startsWith("/webjars/")
                    || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/swagger-ui")) {
                continue;
            }
            targets.add(target);
        }
        return targets;
    }

    /** The path and query of an absolute same-origin address, as a request line carries them. */
    static String pathAndQuery(String url) {
        URI uri = URI.create(url.replace(" ", "%20"));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** A route with its ids left out: numbers, and the segment after a campaign number (a unit or evaluator). */
    static String shape(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String[] segments = path.split("/");
        StringBuilder shape = new StringBuilder();
        boolean afterNumber = false;
        for (String segment : segments) {
            boolean number = segment.matches("\\d+");
            shape.append(number ? "{n}" : afterNumber ? "{id}" + segment.replaceAll("^[^.]*", "") : segment).append('/');
            afterNumber = number;
        }
        return shape.toString();
    }
}
