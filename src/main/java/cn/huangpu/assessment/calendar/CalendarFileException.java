package cn.huangpu.assessment.calendar;

/** A calendar file that cannot be used; stops startup. The message names the file, the line or entry and the problem. */
class CalendarFileException extends RuntimeException {

    CalendarFileException(String message) {
        super(message);
    }

    CalendarFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
