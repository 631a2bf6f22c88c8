/**
 * The working-day calendar (工作日): per year the holidays and make-up working days (调休) of the State Council
 * General Office's notice, read from {@code calendar/<year>.yaml} and an administrator's directory and validated
 * at startup; whether a date is a working day, the date N working days after a date, the working days between
 * two dates. A date whose notice is not loaded is refused, never guessed as Monday to Friday.
 * {@link cn.huangpu.assessment.calendar.WorkingDayCalendar} is the entry point.
 */
package cn.huangpu.assessment.calendar;
