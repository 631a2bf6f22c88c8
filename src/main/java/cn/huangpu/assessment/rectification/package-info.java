/**
 * Rectification (整改) after publication: per unit of a published campaign a list of items, one per verification
 * finding and per deduction of its published score sheet, plus those the office adds (问题通报); the unit reports on
 * each (已整改 with evidence and a note, or 无法整改 with a reason) in its task 落实整改 under the one deadline
 * mechanism; evidence links are checked by the online-verification assistant; the office accepts each item or sends
 * it back. It hands the dashboard its counts and the next campaign's 5.5 its record. Glue in
 * {@code rectification.process} (processes/RectificationLaunch.bpmn and UnitRectification.bpmn).
 */
package cn.huangpu.assessment.rectification;
