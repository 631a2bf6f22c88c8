/**
 * Registers (登记) from which a catalogue computes inputs: per unit the year's documents (公文备案登记, 4.1) with
 * their 文号, 成文日期, 公开属性 and 公开/备案日期, and, for a catalogue that binds it, the consultations with the
 * day their feedback was published (意见征集反馈登记, 3.2). The office enters a register on its page or uploads it
 * as xlsx (all or nothing, every bad cell named), records void numbers, and the register computes the figures
 * ({@link cn.huangpu.assessment.register.RegisterFigures}): the disclosure rate, the rows later than their
 * working-day limit (by {@link cn.huangpu.assessment.calendar.WorkingDayCalendar}) and the gaps in each 文号
 * sequence. {@link cn.huangpu.assessment.register.RegisterFacts} hands them to the facts assembly.
 */
package cn.huangpu.assessment.register;
