package cn.huangpu.assessment.scoring;

/**
 * One refused fact: the indicator, the field (input name, {@code notInvolved}, or null for the
 * indicator as a whole) and the reason, in Chinese.
 */
public record FactError(String indicator, String field, String reason) {
}
