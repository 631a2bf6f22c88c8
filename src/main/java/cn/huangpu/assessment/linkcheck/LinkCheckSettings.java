package cn.huangpu.assessment.linkcheck;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How evidence links are fetched.
 *
 * @param allowedHosts      host patterns that may be fetched: "gov.cn" (that host) or "*.gov.cn" (any subdomain)
 * @param allowedAddresses  addresses exempt from the private-address refusal (tests only: "127.0.0.1")
 * @param connectTimeout    connect limit per hop
 * @param readTimeout       limit for the whole response of one hop
 * @param maxBytes          the most of a page that is read; a larger page is reported as too large
 * @param maxRedirects      redirects followed at most
 * @param maxConcurrent     requests in flight at once, all hosts together
 * @param maxPerHost        requests in flight at once to one host
 * @param userAgent         sent with every request, so that site owners can tell who calls (ASCII: HTTP headers carry no Chinese)
 * @param maxAttempts       tries of a check that fails technically (timeout, DNS) before it is reported so
 * @param retryBackoff      wait before the second try; doubled for each further one
 * @param workerEnabled     whether this node runs the background checker
 * @param workerBatch       checks claimed per poll
 */
@ConfigurationProperties(prefix = "assessment.link-check")
public record LinkCheckSettings(List<String> allowedHosts, List<String> allowedAddresses, Duration connectTimeout,
                                Duration readTimeout, long maxBytes, int maxRedirects, int maxConcurrent,
                                int maxPerHost, String userAgent, int maxAttempts, Duration retryBackoff,
                                boolean workerEnabled, int workerBatch) {

    public LinkCheckSettings {
        allowedHosts = allowedHosts == null ? List.of("gov.cn", "*.gov.cn") : List.copyOf(allowedHosts);
        allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
        maxBytes = maxBytes <= 0 ? 2 * 1024 * 1024 : maxBytes;
        maxRedirects = maxRedirects <= 0 ? 5 : maxRedirects;
        maxConcurrent = maxConcurrent <= 0 ? 8 : maxConcurrent;
        maxPerHost = maxPerHost <= 0 ? 2 : maxPerHost;
        userAgent = userAgent == null || userAgent.isBlank()
                ? "HuangpuTransparencyAssessment/1.0 (online verification of government information disclosure)" : userAgent;
        maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMinutes(1) : retryBackoff;
        workerBatch = workerBatch <= 0 ? 50 : workerBatch;
    }
}
