package cn.huangpu.assessment.directory;

/** The two kinds of assessed unit named by the plan's scope (二、考核评估范围). */
public enum UnitKind {
    /** 区政府各委、办、局 */
    DEPARTMENT,
    /** 街道办事处 */
    STREET
}
