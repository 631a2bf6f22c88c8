package cn.huangpu.assessment.security;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where users reach the application, so that no answer (a redirect, a link the engine REST API builds)
 * ever names a host that a request made up.
 *
 * @param baseUrl         the address users reach the app at: behind a proxy its public https address
 * @param additionalHosts further host names requests may name, such as loopback for checks on the node itself
 */
@ConfigurationProperties(prefix = "assessment")
record SiteAddress(URI baseUrl, List<String> additionalHosts) {

    SiteAddress {
        baseUrl = baseUrl == null ? URI.create("http://localhost:8080") : baseUrl;
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException("assessment.base-url needs a host name, e.g. https://assessment.example.gov.cn: "
                    + baseUrl);
        }
        additionalHosts = additionalHosts == null ? List.of() : List.copyOf(additionalHosts);
    }

    /** The host names a request may name, in the form {@link #normalize} gives. */
    Set<String> acceptedHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(normalize(baseUrl.getHost()));
        additionalHosts.stream().map(SiteAddress::normalize).forEach(hosts::add);
        return hosts;
    }

    /** Lower case, without the trailing dot of a fully qualified name or the brackets of an IPv6 literal. */
    static String normalize(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
