/**
 * Deadlines, one mechanism for every stage that has one (the self-check, the specialist results, and the
 * stages to come): reminders before it (days set in {@code assessment.deadline}), the deadline passing, the
 * coordinator's chase, an extension with new reminders, or closing it as not submitted. It owns the wording
 * of every notice about a deadline; whose deadline it is ({@link cn.huangpu.assessment.deadline.DeadlineKind})
 * decides the words and what each step records in the campaign. The model is {@code processes/Deadline.bpmn},
 * called by each stage's process; its glue is in {@code deadline.process}.
 */
package cn.huangpu.assessment.deadline;
