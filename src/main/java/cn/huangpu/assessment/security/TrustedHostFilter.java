package cn.huangpu.assessment.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400, a request whose host (the Host header, or X-Forwarded-Host from a trusted proxy when
 * forwarded headers are on) is not where the application is reached. The servlet container, Spring
 * Security and the engine REST API build absolute URLs from that host (the login redirect, links in REST
 * answers), so a made-up host would otherwise come back in a Location header or a link.
 */
class TrustedHostFilter extends OncePerRequestFilter {

    private final Set<String> accepted;
    private final String refusal;

    TrustedHostFilter(SiteAddress site) {
        this.accepted = site.acceptedHosts();
        this.refusal = "请求头 Host 中的主机名不是本系统的访问地址，已拒绝；请通过 " + site.baseUrl() + " 访问";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getServerName();
        if (host == null || !accepted.contains(SiteAddress.normalize(host))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, refusal);
            return;
        }
        chain.doFilter(request, response);
    }
}
