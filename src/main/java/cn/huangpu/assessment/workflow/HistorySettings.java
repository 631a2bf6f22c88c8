package cn.huangpu.assessment.workflow;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the engine keeps the history of what ended: per process or decision key, the whole days after an
 * instance ends (a decision: after it is evaluated) until the history cleanup removes it. The application's
 * own records (audit, score sheets, self-checks, link checks) are not engine history and stay.
 *
 * @param timeToLiveDays days per model key; a model not named keeps its own {@code camunda:historyTimeToLive}
 */
@ConfigurationProperties(prefix = "assessment.history")
public record HistorySettings(Map<String, Integer> timeToLiveDays) {

    public HistorySettings {
        timeToLiveDays = timeToLiveDays == null ? Map.of() : new TreeMap<>(timeToLiveDays);
        timeToLiveDays.forEach((key, days) -> {
            if (days == null || days < 0) {
                throw new IllegalArgumentException(
                        "assessment.history.time-to-live-days." + key + " must be a whole number of days, 0 or more: " + days);
            }
        });
        timeToLiveDays = Map.copyOf(timeToLiveDays);
    }
}
