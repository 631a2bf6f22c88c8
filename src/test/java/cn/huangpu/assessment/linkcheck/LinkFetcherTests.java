package cn.huangpu.assessment.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.linkcheck.FetchResult.Outcome;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The link checker against small local sites on loopback (allowed by a test-only setting). */
class LinkFetcherTests {

    static final String KEYWORD = "机构职能信息";
    static LocalSites sites;
    static LinkFetcher fetcher;
    static final AtomicInteger privateLookups = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        sites = new LocalSites("127.0.0.1");
        fetcher = new LinkFetcher(settings(List.of("127.0.0.1")), host -> {
            if (host.equals("intranet.huangpu.gov.cn")) {
                privateLookups.incrementAndGet();
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3})};
            }
            if (host.equals("127.0.0.1") || host.equals("loopback.huangpu.gov.cn")) {
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            }
            throw new UnknownHostException(host);
        });
    }

    static LinkCheckSettings settings(List<String> allowedAddresses) {
        return new LinkCheckSettings(List.of("127.0.0.1", "*.gov.cn"), allowedAddresses, Duration.ofMillis(500),
                Duration.ofMillis(800), 100_000, 5, 8, 2, "TestChecker/1.0 (transparency assessment)", 3, Duration.ofMillis(10),
                false, 50);
    }

    @AfterAll
    static void stop() throws Exception {
        fetcher.close();
        sites.close();
    }

    @Test
    void aPageWithTheKeywordIsOkAndCitable() {
        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/ok/1"), KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.title()).isEqualTo("机构职能信息 - 黄浦区人民政府");
        assertThat(result.keywordFound()).isTrue();
        assertThat(result.contentHash()).hasSize(64);
        assertThat(result.responseMs()).isGreaterThanOrEqualTo(0);
        assertThat(sites.userAgents).contains("TestChecker/1.0 (transparency assessment)");
    }

    @Test
    void aPageWithoutTheKeywordIsProbablyTheWrongLink() {
        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/nokeyword/1"), KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.WRONG);
        assertThat(result.keywordFound()).isFalse();
        assertThat(result.detail()).contains(KEYWORD);
    }

    @Test
    void readsAGbkPage() {
        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/gbk/1"), "财政预决算");

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.title()).isEqualTo("财政预决算");
    }

    @Test
    void notFoundIsBroken() {
        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/missing/1"), KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(result.httpStatus()).isEqualTo(404);
    }

    @Test
    void aChineseSoft404IsBroken() {
        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/soft404/1"), KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.soft404()).isTrue();
    }

    @Test
    void followsARedirectChainAndRecordsEveryHop() {
        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/r1/x"), KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(result.redirects()).hasSize(3);
        assertThat(result.finalUrl()).isEqualTo(sites.url("127.0.0.1", "/ok/x"));
    }

    @Test
    void aRedirectLoopIsBroken() {
        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/loop1/x"), KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.BROKEN);
        assertThat(result.detail()).isEqualTo("重定向循环");
    }

    @Test
    void aSlowPageIsATechnicalFailureNotABrokenLink() {
        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/slow/1"), KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.TECHNICAL);
        assertThat(result.detail()).contains("超时");
    }

    @Test
    void aPageOverTheSizeLimitIsNotReadToTheEnd() {
        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/big/1"), KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.TECHNICAL);
        assertThat(result.detail()).contains("大小上限");
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedBeforeAnyConnection() {
        int before = privateLookups.get();

        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/to-private/x"), KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.detail()).contains("重定向到 http://intranet.huangpu.gov.cn/secret").contains("10.1.2.3");
        assertThat(privateLookups.get()).isEqualTo(before + 1);
    }

    @Test
    void anAllowedNameResolvingToLoopbackIsRefusedWithoutTheTestExemption() throws Exception {
        try (LinkFetcher strict = new LinkFetcher(settings(List.of()),
                host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})})) {
            int port = sites.servers.get("127.0.0.1").getAddress().getPort();
            FetchResult result = strict.fetch("http://loopback.huangpu.gov.cn:" + port + "/ok/1", KEYWORD);

            assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(result.detail()).contains("127.0.0.1");
        }
    }

    @Test
    void refusesFileAndFtpLinksAndHostsOffTheAllowList() {
        assertThat(fetcher.fetch("file:///etc/passwd", KEYWORD).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(fetcher.fetch("ftp://ftp.huangpu.gov.cn/a.pdf", KEYWORD)).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(r.detail()).contains("ftp");
        });
        assertThat(fetcher.fetch("https://www.example.com/page", KEYWORD)).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(r.detail()).contains("www.example.com").contains("不在允许检查的范围");
        });
    }

    @Test
    void sendsNoCookies() {
        FetchResult result = fetcher.fetch(sites.url("127.0.0.1", "/setcookie/1"), KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.OK);
        assertThat(sites.cookiesSeen).isEmpty();
    }

    @Test
    void aNameThatDoesNotResolveIsATechnicalFailure() {
        FetchResult result = fetcher.fetch("https://nosuchhost.huangpu.gov.cn/page", KEYWORD);

        assertThat(result.outcome()).isEqualTo(Outcome.TECHNICAL);
        assertThat(result.detail()).contains("域名解析失败");
    }
}
