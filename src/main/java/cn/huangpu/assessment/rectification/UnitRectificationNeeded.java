package cn.huangpu.assessment.rectification;

import java.time.Instant;

/**
 * A unit without a running rectification has open items (the office added one, or a new publication found new
 * ones): its process is to start, due at {@code due}. Listened to by the process glue in the publisher's
 * transaction, so that the items and the process commit together.
 */
public record UnitRectificationNeeded(Long campaignId, String unitCode, Instant due) {
}
