package cn.huangpu.assessment.linkcheck;

import cn.huangpu.assessment.linkcheck.FetchResult.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches one link safely and judges it. Redirects are followed by hand so that every hop passes the
 * {@link UrlGuard}; names resolve through a resolver that drops refused addresses, so the connection
 * goes only to an address that was checked. No cookies, credentials or automatic retries. Requests in
 * flight are bounded in total and per host.
 */
public class LinkFetcher implements AutoCloseable {

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern META_CHARSET = Pattern.compile("charset=[\"']?([A-Za-z0-9_-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAGS = Pattern.compile("<script.*?</script>|<style.*?</style>|<[^>]+>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SOFT_404_TITLE = Pattern.compile("404|页面不存在|找不到|未找到|not found", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOFT_404_BODY = Pattern.compile("页面不存在|找不到(该|您要的|您所访问的|相关)?页面|页面未找到|404 not found",
            Pattern.CASE_INSENSITIVE);

    private final LinkCheckSettings settings;
    private final UrlGuard guard;
    private final CloseableHttpClient client;
    private final Semaphore total;
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();

    public LinkFetcher(LinkCheckSettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    public LinkFetcher(LinkCheckSettings settings, Resolver resolver) {
        this.settings = settings;
        this.guard = new UrlGuard(settings);
        this.total = new Semaphore(settings.maxConcurrent(), true);
        DnsResolver guardedResolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = resolver.resolve(host);
                for (InetAddress address : addresses) {
                    Optional<String> refused = guard.refuseAddress(address);
                    if (refused.isPresent()) {
                        throw new RefusedAddressException(refused.get());
                    }
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guardedResolver)
                        .setMaxConnTotal(settings.maxConcurrent())
                        .setMaxConnPerRoute(settings.maxPerHost())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                .setUserAgent(settings.userAgent())
                .setDefaultHeaders(List.<Header>of(new BasicHeader(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9")))
                .build();
    }

    /** Thrown by the resolver for an address the guard refuses; no connection is made. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    /** Checks a link; {@code keyword} is what the page should mention (e.g. the indicator's name). */
    public FetchResult fetch(String url, String keyword) {
        long started = System.nanoTime();
        List<String> hops = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        URI current;
        try {
            current = new URI(url.strip());
        } catch (URISyntaxException e) {
            return result(Outcome.REFUSED, null, url, hops, started, null, null, false, null, "不是有效的网址");
        }
        for (int hop = 0; ; hop++) {
            Optional<String> refused = guard.refuseUrl(current);
            if (refused.isPresent()) {
                hops.add(current.toString());
                return result(Outcome.REFUSED, null, current.toString(), hops, started, null, null, false, null,
                        (hop == 0 ? "" : "重定向到 " + current + "：") + refused.get());
            }
            if (!seen.add(current.normalize().toString())) {
                return result(Outcome.BROKEN, null, current.toString(), hops, started, null, null, false, null, "重定向循环");
            }
            hops.add(current.toString());
            if (hop > settings.maxRedirects()) {
                return result(Outcome.BROKEN, null, current.toString(), hops, started, null, null, false, null,
                        "重定向超过" + settings.maxRedirects() + "次");
            }
            Hop response;
            try {
                response = get(current);
            } catch (RefusedAddressException e) {
                return result(Outcome.REFUSED, null, current.toString(), hops, started, null, null, false, null,
                        (hop == 0 ? "" : "重定向到 " + current + "：") + e.getMessage());
            } catch (UnknownHostException e) {
                return result(Outcome.TECHNICAL, null, current.toString(), hops, started, null, null, false, null,
                        "域名解析失败：" + current.getHost());
            } catch (TooLargeException e) {
                return result(Outcome.TECHNICAL, 200, current.toString(), hops, started, null, null, false, null,
                        "页面超过大小上限（" + settings.maxBytes() / 1024 + " KB），未检查内容");
            } catch (InterruptedIOException e) {
                return result(Outcome.TECHNICAL, null, current.toString(), hops, started, null, null, false, null,
                        "访问超时（超过" + settings.readTimeout().toSeconds() + "秒）");
            } catch (IOException e) {
                return result(Outcome.TECHNICAL, null, current.toString(), hops, started, null, null, false, null,
                        "无法连接：" + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result(Outcome.TECHNICAL, null, current.toString(), hops, started, null, null, false, null, "检查被中断");
            }
            int status = response.status();
            if (status >= 300 && status < 400 && response.location() != null) {
                try {
                    current = current.resolve(response.location().strip());
                } catch (IllegalArgumentException e) {
                    return result(Outcome.BROKEN, status, current.toString(), hops, started, null, null, false, null,
                            "重定向地址无效：" + response.location());
                }
                continue;
            }
            if (status == 429 || status >= 500) {
                return result(Outcome.TECHNICAL, status, current.toString(), hops, started, null, null, false, null,
                        "网站暂时无法访问（HTTP " + status + "）");
            }
            if (status >= 300) {
                return result(Outcome.BROKEN, status, current.toString(), hops, started, null, null, false, null,
                        "页面无法公开访问（HTTP " + status + "）");
            }
            return judgePage(status, current.toString(), hops, started, response, keyword);
        }
    }

    private FetchResult judgePage(int status, String finalUrl, List<String> hops, long started, Hop response, String keyword) {
        String html = new String(response.body(), charset(response));
        Matcher titleMatcher = TITLE.matcher(html);
        String title = titleMatcher.find() ? titleMatcher.group(1).replaceAll("\\s+", " ").strip() : null;
        String text = TAGS.matcher(html).replaceAll(" ").replaceAll("\\s+", " ");
        boolean soft404 = (title != null && SOFT_404_TITLE.matcher(title).find()) || SOFT_404_BODY.matcher(text).find();
        Boolean keywordFound = keyword == null || keyword.isBlank() ? null : text.contains(keyword.strip())
                || (title != null && title.contains(keyword.strip()));
        String hash = sha256(response.body());
        if (soft404) {
            return result(Outcome.BROKEN, status, finalUrl, hops, started, title, hash, true, keywordFound,
                    "页面提示“页面不存在”（软404）");
        }
        if (Boolean.FALSE.equals(keywordFound)) {
            return result(Outcome.WRONG, status, finalUrl, hops, started, title, hash, false, false,
                    "页面中没有“" + keyword.strip() + "”");
        }
        return result(Outcome.OK, status, finalUrl, hops, started, title, hash, false, keywordFound, "");
    }

    private record Hop(int status, String location, String contentType, byte[] body) {
    }

    private static final class TooLargeException extends IOException {
    }

    private Hop get(URI uri) throws IOException, InterruptedException {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Semaphore hostSlots = perHost.computeIfAbsent(host, h -> new Semaphore(settings.maxPerHost(), true));
        // Waiting for a slot is not counted against the link: each request in flight is itself time-bounded.
        hostSlots.acquire();
        try {
            total.acquire();
            try {
                return client.execute(new HttpGet(uri), response -> {
                    Header location = response.getFirstHeader(HttpHeaders.LOCATION);
                    HttpEntity entity = response.getEntity();
                    byte[] body = entity == null || response.getCode() >= 300 ? new byte[0] : read(entity);
                    return new Hop(response.getCode(), location == null ? null : location.getValue(),
                            entity == null ? null : entity.getContentType(), body);
                });
            } finally {
                total.release();
            }
        } finally {
            hostSlots.release();
        }
    }

    private byte[] read(HttpEntity entity) throws IOException {
        long readDeadline = System.nanoTime() + settings.readTimeout().toNanos();
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > settings.maxBytes()) {
                    throw new TooLargeException();
                }
                if (System.nanoTime() > readDeadline) {
                    throw new InterruptedIOException("read too slow");
                }
            }
            return out.toByteArray();
        }
    }

    private static Charset charset(Hop response) {
        for (String source : new String[] {response.contentType(),
                new String(response.body(), 0, Math.min(response.body().length, 2048), StandardCharsets.ISO_8859_1)}) {
            if (source == null) {
                continue;
            }
            Matcher m = META_CHARSET.matcher(source);
            if (m.find()) {
                try {
                    return Charset.forName(m.group(1));
                } catch (IllegalArgumentException e) {
                    // unknown charset name: try the next source
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FetchResult result(Outcome outcome, Integer status, String finalUrl, List<String> hops, long started,
                                      String title, String hash, boolean soft404, Boolean keywordFound, String detail) {
        return new FetchResult(outcome, status, finalUrl, hops, (System.nanoTime() - started) / 1_000_000, title, hash,
                soft404, keywordFound, detail);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
