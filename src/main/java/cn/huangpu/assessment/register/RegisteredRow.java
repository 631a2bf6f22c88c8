package cn.huangpu.assessment.register;

/**
 * One row of a unit's register as the page lists it.
 *
 * @param id       the row's id, which its delete action names
 * @param position its place in the register as entered (1, 2, …)
 */
record RegisteredRow(Long id, int position, RegisterEntry entry) {
}
