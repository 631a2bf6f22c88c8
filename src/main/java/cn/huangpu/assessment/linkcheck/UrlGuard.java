package cn.huangpu.assessment.linkcheck;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What may be fetched: http and https only, a host on the allow-list, and never an address that is
 * loopback, private, link-local, multicast or otherwise not public, unless the settings exempt it.
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

    /** The reason this resolved address may not be connected to, or empty. */
    Optional<String> refuseAddress(InetAddress address) {
        if (settings.allowedAddresses().contains(address.getHostAddress())) {
            return Optional.empty();
        }
        boolean uniqueLocalV6 = address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
        boolean sharedCgnat = address.getAddress().length == 4 && (address.getAddress()[0] & 0xff) == 100
                && (address.getAddress()[1] & 0xc0) == 64;
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress() || uniqueLocalV6 || sharedCgnat) {
            return Optional.of("地址 " + address.getHostAddress() + " 属于内网、本机或组播地址，不予访问");
        }
        return Optional.empty();
    }
}
