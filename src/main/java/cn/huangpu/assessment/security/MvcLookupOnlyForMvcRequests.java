package cn.huangpu.assessment.security;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security (6.5) puts a filter in front of its chain that looks up, for every request, which Spring MVC
 * handler would serve it ({@link HandlerMappingIntrospector#setCache}), for its MVC request matchers and CORS. The
 * engine's REST API and the webapps' API are Jersey servlets of their own, which Spring MVC never serves: for them the
 * lookup tries every MVC mapping and finds none, and in a profile of the Tasklist's list request it was 42% of the
 * request's time in the application. Their security rules match by path (a request to another servlet is matched by
 * its path, not by MVC), so nothing reads that lookup. Here the lookup is made only for requests to the
 * {@code DispatcherServlet}; for the others the introspector answers as on a lookup that found nothing cached.
 */
@Component
class MvcLookupOnlyForMvcRequests implements BeanPostProcessor, ApplicationContextAware {

    private ApplicationContext context;

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String name) throws BeansException {
        if (bean instanceof HandlerMappingIntrospector introspector && !(bean instanceof ForMvcRequests)) {
            ForMvcRequests replacement = new ForMvcRequests();
            replacement.setPatternCacheLimit(introspector.getPatternCacheLimit());
            replacement.setApplicationContext(context);
            return replacement;
        }
        return bean;
    }

    /** The introspector that leaves requests for other servlets alone. */
    static final class ForMvcRequests extends HandlerMappingIntrospector {

        @Override
        public CachedResult setCache(HttpServletRequest request) {
            if (!servedByMvc(request)) {
                return null;
            }
            return super.setCache(request);
        }

        static boolean servedByMvc(HttpServletRequest request) {
            // a request without a servlet name (MockMvc's) is taken as the DispatcherServlet's
            HttpServletMapping mapping = request.getHttpServletMapping();
            String servlet = mapping == null ? null : mapping.getServletName();
            return servlet == null || servlet.isEmpty()
                    || DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME.equals(servlet);
        }
    }
}
