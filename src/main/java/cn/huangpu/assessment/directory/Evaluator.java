package cn.huangpu.assessment.directory;

/**
 * A specialist evaluator (专项评估牵头单位) as the other modules see it. Its code is the one the indicator
 * catalogue names in each input's {@code by}; {@code unitCode} is the assessed unit it also is (e.g. 区财政局), or
 * null.
 */
public record Evaluator(String code, String name, int sortOrder, String unitCode) {
}
