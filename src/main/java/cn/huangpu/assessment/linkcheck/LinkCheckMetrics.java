package cn.huangpu.assessment.linkcheck;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The link checker's backlog as a gauge (README, "Metrics"): one count query, run when the metrics are scraped. */
@Component
class LinkCheckMetrics implements MeterBinder {

    private final LinkCheckService checks;

    LinkCheckMetrics(LinkCheckService checks) {
        this.checks = checks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("assessment.link.checks.queued", checks::pending)
                .description("Evidence-link checks not done yet (waiting, retrying or being fetched), all nodes")
                .register(registry);
    }
}
