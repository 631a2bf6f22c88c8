package cn.huangpu.assessment.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user logged in through the login page the way a browser is, with the session cookie and the
 * Camunda webapps' XSRF token: what the Tasklist sends to {@code /camunda/api/engine/...}.
 */
public record WebSession(HttpClient client, String base, String xsrfToken) {

    public static final String PASSWORD = "demo";
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    public static WebSession login(int port, String user) throws Exception {
        String base = "http://localhost:" + port;
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = FORM_CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "username=" + encode(user) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = loggedIn.headers().firstValue("Location").orElse("");
        if (loggedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login of " + user + " failed: HTTP " + loggedIn.statusCode() + " " + location);
        }
        HttpResponse<String> engines = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String token = engines.headers().firstValue("X-XSRF-TOKEN")
                .orElseThrow(() -> new IllegalStateException("No webapp XSRF token for " + user));
        return new WebSession(client, base, token);
    }

    /** A request to a path of this server, with the webapps' XSRF header. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", xsrfToken);
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
