package cn.huangpu.assessment.register;

import java.time.Instant;

/**
 * A void number (作废号) as the office recorded it: not a gap in its sequence.
 *
 * @param id     the record's id, which its delete action names
 * @param number the 文号 as normalised (黄府办发〔2023〕9号)
 */
record RecordedVoid(Long id, String number, String reason, String enteredBy, Instant enteredAt) {
}
