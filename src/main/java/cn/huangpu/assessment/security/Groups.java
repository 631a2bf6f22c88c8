package cn.huangpu.assessment.security;

import java.util.Locale;

/**
 * Camunda group ids. A user's roles are the groups it belongs to; task candidate groups use the same ids.
 */
public final class Groups {

    /** 区政府办公室: runs the campaign, verifies online, evaluates comprehensively. */
    public static final String COORDINATOR = "coordinator";
    /** 区领导: approves the grades. */
    public static final String LEADER = "leader";
    /** System administrators (Camunda Admin, deployments). */
    public static final String ADMIN = "camunda-admin";

    static final String UNIT_PREFIX = "unit-";
    static final String EVALUATOR_PREFIX = "evaluator-";

    static final String TYPE_UNIT = "UNIT";
    static final String TYPE_EVALUATOR = "EVALUATOR";
    static final String TYPE_ROLE = "ROLE";
    static final String TYPE_SYSTEM = "SYSTEM";

    private Groups() {
    }

    /** The group of an assessed unit's staff. */
    public static String unit(String unitCode) {
        return UNIT_PREFIX + unitCode;
    }

    /** The group of a specialist evaluator's staff. */
    public static String evaluator(String evaluatorCode) {
        return EVALUATOR_PREFIX + evaluatorCode.toLowerCase(Locale.ROOT);
    }
}
