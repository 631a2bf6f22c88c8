package cn.huangpu.assessment.deadline;

/** The deadline passed with the work not in: its unit or evaluator is overdue. */
public record DeadlinePassed(Deadline deadline) {
}
