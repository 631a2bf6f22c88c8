package cn.huangpu.assessment.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user logged in through the login page over real HTTP, as a browser is: a session cookie, and the CSRF
 * token its pages carry. Redirects are not followed, so that a test sees them.
 */
public final class PageSession {

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;

    private PageSession(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    public static PageSession login(int port, String user, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        PageSession session = new PageSession(client, "http://localhost:" + port);
        String token = csrfToken(session.get("/login").body());
        HttpResponse<String> loggedIn = session.postForm("/login",
                "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token));
        String location = loggedIn.headers().firstValue("Location").orElse("");
        if (loggedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login of " + user + " failed: HTTP " + loggedIn.statusCode() + " " + location);
        }
        return session;
    }

    /** The CSRF token of the first form on a page. */
    public static String csrfToken(String page) {
        Matcher csrf = FORM_CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return csrf.group(1);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Posts an already encoded form, as a browser posts a page's form. */
    public HttpResponse<String> postForm(String path, String encodedForm) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(encodedForm, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
