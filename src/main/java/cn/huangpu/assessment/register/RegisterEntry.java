package cn.huangpu.assessment.register;

import java.time.LocalDate;

/**
 * What one register row says, checked ({@link RegisterChecks}).
 *
 * @param number     the 文号 as entered (a document's, normalised to 〔〕; a decision's may be null)
 * @param start      成文日期, or the day the decision was taken
 * @param disclosure the document's 公开属性 (null in a consultations register)
 * @param reason     why a 不予公开 document is withheld (null otherwise)
 * @param end        公开/备案日期, or the day the consultation's feedback was published
 */
record RegisterEntry(String number, String title, LocalDate start, Disclosure disclosure, String reason, LocalDate end) {
}
