package cn.huangpu.assessment.evaluation;

import java.time.Instant;

/**
 * One delivered input value for a unit as stored: its JSON in the facts format (docs/facts-format.md), who
 * entered it and when, and the version a page or template names when it saves the value again.
 */
public record StoredFact(String unitCode, String indicatorCode, String inputName, String valueJson, String reason,
                         String source, String enteredBy, Instant enteredAt, long version) {
}
