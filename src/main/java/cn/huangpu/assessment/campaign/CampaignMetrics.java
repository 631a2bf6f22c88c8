package cn.huangpu.assessment.campaign;

import cn.huangpu.assessment.campaign.internal.CampaignEvaluatorRepository;
import cn.huangpu.assessment.campaign.internal.CampaignUnitRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The campaigns' gauges for the people who run the system (README, "Metrics"): who is past a deadline with
 * their inputs still missing. Each is one count query, run when the metrics are scraped.
 */
@Component
class CampaignMetrics implements MeterBinder {

    private final CampaignUnitRepository units;
    private final CampaignEvaluatorRepository evaluators;

    CampaignMetrics(CampaignUnitRepository units, CampaignEvaluatorRepository evaluators) {
        this.units = units;
        this.evaluators = evaluators;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("assessment.units.overdue", units::countByOverdueTrueAndReadyFalse)
                .description("Units past their self-check deadline without a submitted self-check, all campaigns")
                .register(registry);
        Gauge.builder("assessment.evaluators.overdue", evaluators::countByOverdueTrueAndReadyFalse)
                .description("Evaluators past their deadline without delivered results, all campaigns")
                .register(registry);
    }
}
