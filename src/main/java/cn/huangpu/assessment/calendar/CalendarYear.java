package cn.huangpu.assessment.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year's arrangement as the State Council General Office's notice sets it (国务院办公厅关于YYYY年部分节假日安排的通知).
 *
 * @param year           the year the notice is for
 * @param notice         the notice: number, title, date, address
 * @param holidays       the days off (放假调休), each a range as the notice gives it; the New Year holiday may begin
 *                       on 29-31 December of the year before
 * @param makeUpWorkdays the weekend days worked instead (调休上班)
 * @param origin         shipped with the application, or read from the administrator's directory
 * @param file           the file's name, e.g. {@code 2023.yaml}
 */
public record CalendarYear(int year, Notice notice, List<Holiday> holidays, List<MakeUpWorkday> makeUpWorkdays,
                           Origin origin, String file) {

    public CalendarYear {
        holidays = List.copyOf(holidays);
        makeUpWorkdays = List.copyOf(makeUpWorkdays);
    }

    /**
     * The notice that sets the year's arrangement.
     *
     * @param number its document number, e.g. 国办发明电〔2022〕16号
     * @param date   the day it was issued
     * @param url    where it is published, or null
     * @param note   what is not certain about this entry (e.g. a number not checked against the original), or null
     */
    public record Notice(String number, String title, LocalDate date, String url, String note) {
    }

    /** Days off from {@code from} to {@code to}, both included, for the festival {@code name}. */
    public record Holiday(String name, LocalDate from, LocalDate to) {

        boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** A Saturday or Sunday worked to make up for the festival {@code name}'s days off. */
    public record MakeUpWorkday(LocalDate date, String name) {
    }

    /** Where a year's file came from: the application's own, or the administrator's directory, which overrides. */
    public enum Origin {
        BUILT_IN, DIRECTORY
    }
}
