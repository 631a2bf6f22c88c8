/**
 * The unit's self-check (单位自查): indicator by indicator, how it completed it, its evidence links and
 * files, and "not involved" where the catalogue allows it; drafts until submitted.
 */
package cn.huangpu.assessment.selfcheck;
