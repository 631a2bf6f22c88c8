package cn.huangpu.assessment.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user logged in through the login page, as a browser is: a session cookie, and the CSRF token the pages
 * put in their forms sent with every form post. Redirects are not followed, so that a test sees them.
 */
public final class WebSession {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;
    private String engineApiToken;

    private WebSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Logs {@code user} in (password {@code demo}). */
    public static WebSession login(int port, String user) throws IOException, InterruptedException {
        WebSession session = new WebSession(port);
        String token = session.token(session.get("/login").body());
        HttpResponse<String> loggedIn = session.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", HTML)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", "demo",
                        "_csrf", token)))));
        if (loggedIn.statusCode() != 302 || loggedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: HTTP " + loggedIn.statusCode());
        }
        // the token changes with the login; every page with a form (the logout button) carries the new one
        session.csrf = session.token(session.get("/app").body());
        return session;
    }

    /** A GET as a browser sends it (asking for HTML, so that errors come as the error page). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).GET());
    }

    /** A GET that asks for JSON, as an API client does. */
    public HttpResponse<String> getJson(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form, as the page's form would (with the CSRF token). */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", HTML).POST(HttpRequest.BodyPublishers.ofString(form(withToken))));
    }

    /** Posts a JSON body, as an API client does. */
    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a file upload form ({@code file} plus text fields), the token in the address as the pages do. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path + (path.contains("?") ? "&" : "?") + "_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", HTML)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The session's client (cookies kept, redirects not followed). */
    public HttpClient client() {
        return client;
    }

    /**
     * A request to the webapps' engine API ({@code /camunda/api/engine/...}) as the Tasklist sends it: with the
     * webapps' own XSRF token, which they hand out in a response header.
     */
    public HttpRequest.Builder engineApi(String path) throws IOException, InterruptedException {
        if (engineApiToken == null) {
            engineApiToken = client.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/")).build(),
                            HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN")
                    .orElseThrow(() -> new IllegalStateException("no webapp XSRF token"));
        }
        return HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", engineApiToken);
    }

    /** A request to a path of this server, for {@link #send(HttpRequest)} in the session. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private String token(String page) {
        Matcher matcher = FORM_CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return matcher.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
