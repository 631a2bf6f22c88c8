package cn.huangpu.assessment.directory;

/**
 * An assessed unit (参评单位) as the other modules see it. Its code is stable and names its Camunda group;
 * {@code sortOrder} is the office's usual order within its kind.
 */
public record Unit(String code, String name, UnitKind kind, int sortOrder, boolean active) {
}
