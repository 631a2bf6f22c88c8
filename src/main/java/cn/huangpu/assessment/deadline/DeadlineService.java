package cn.huangpu.assessment.deadline;

import cn.huangpu.assessment.calendar.WorkingDayCalendar;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.DisplayTime;
import cn.huangpu.assessment.web.InputError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What passing, extending and closing a deadline mean: the rule for a new deadline, and the events that tell
 * the campaign (which records whose work is overdue, extended or closed) in the same transaction. The
 * process glue in {@code deadline.process} calls it; it knows nothing of the engine.
 */
@Service
@Transactional
public class DeadlineService {

    private final ApplicationEventPublisher events;
    private final DisplayTime time;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    DeadlineService(ApplicationEventPublisher events, DisplayTime time, WorkingDayCalendar calendar, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.time = time;
        this.calendar = calendar;
    }

    /**
     * When a stage that opens at {@code start} and lasts {@code length} is due: its last day (in the office's
     * time zone) at {@code dueTime}. So 20 working days from 2023-09-22 are due 2023-10-26 at 23:59 in Shanghai.
     *
     * @throws cn.huangpu.assessment.calendar.CalendarYearMissingException when working days are counted through a
     *                                                                      year whose notice is not loaded
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Instant dueAfter(Instant start, DeadlineLength length, LocalTime dueTime) {
        return length.lastDay(start.atZone(time.zone()).toLocalDate(), calendar)
                .atTime(dueTime).atZone(time.zone()).toInstant();
    }

    /** The deadline passed with the work not in: the unit or evaluator is marked overdue. */
    public void passed(Deadline deadline) {
        events.publishEvent(new DeadlinePassed(deadline));
    }

    /**
     * Refuses a new deadline that is missing, or not after now and after the deadline it replaces. The chase
     * form calls it before completing; the campaign checks the extension against the due date it stores.
     *
     * @throws BadInputException naming {@code newDueDate}
     */
    public void checkExtension(Instant due, Instant newDue) {
        if (newDue == null) {
            throw new BadInputException("延期输入有误", InputError.field("newDueDate", "新的截止时间", "延长期限须给出新的截止时间"));
        }
        if (!newDue.isAfter(clock.instant()) || !newDue.isAfter(due)) {
            throw new BadInputException("延期输入有误", InputError.field("newDueDate", "新的截止时间",
                    "新的截止时间（" + time.format(newDue) + "）须晚于现在和原截止时间（" + time.format(due) + "）"));
        }
    }

    /** Moves the deadline, with the reason and who decided, into the audit trail; the unit or evaluator is no longer overdue. */
    public void extend(Deadline deadline, Instant newDue, String reason, String actor) {
        events.publishEvent(new DeadlineExtended(deadline, newDue, reason, actor));
    }

    /** Closes the work as not submitted, with the reason: it is scored on what exists. */
    public void close(Deadline deadline, String reason, String actor) {
        events.publishEvent(new DeadlineClosed(deadline, reason, actor));
    }
}
