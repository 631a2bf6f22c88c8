package cn.huangpu.assessment.linkcheck;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What may be fetched: http and https only, a host on the allow-list, and never an address that is not
 * globally reachable (loopback, private, link-local, multicast, reserved, documentation, translation
 * prefixes carrying such an address...), unless the settings exempt it.
 * Applied to the first URL and again to every redirect, and to every address a name resolves to.
 */
final class UrlGuard {

    private final LinkCheckSettings settings;

    UrlGuard(LinkCheckSettings settings) {
        this.settings = settings;
    }

    /** The reason the URL may not be fetched, or empty. */
    Optional<String> refuseUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("只检查 http 和 https 链接，不检查“" + (scheme.isEmpty() ? "无协议" : scheme) + ":”链接");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("链接缺少主机名");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("链接中不得含有用户名或密码");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!hostAllowed(host)) {
            return Optional.of("主机 " + host + " 不在允许检查的范围（" + String.join("、", settings.allowedHosts()) + "）内");
        }
        return Optional.empty();
    }

    boolean hostAllowed(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String pattern : settings.allowedHosts()) {
            String p = pattern.toLowerCase(Locale.ROOT);
            if (p.startsWith("*.") ? h.endsWith(p.substring(1)) && h.length() > p.length() - 1 : h.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reason this resolved address may not be connected to, or empty: any address that the IANA
     * special-purpose registries do not mark globally reachable, also when it hides inside an IPv6 address
     * (see {@link SpecialAddresses}).
     */
    Optional<String> refuseAddress(InetAddress address) {
        if (settings.allowedAddresses().contains(address.getHostAddress())) {
            return Optional.empty();
        }
        return SpecialAddresses.refusal(address);
    }
}
