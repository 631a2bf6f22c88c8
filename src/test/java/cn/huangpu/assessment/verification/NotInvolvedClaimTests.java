package cn.huangpu.assessment.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule of whether an indicator is priced as not involved, and how the pages and the trail state it. */
class NotInvolvedClaimTests {

    @ParameterizedTest(name = "claimed {0}, rejected {1}, ruling {2}: not involved {3} ({4})")
    @CsvSource({
            // without a ruling the unit's claim holds unless rejected
            "false, false, NONE,      false, 涉及",
            "true,  false, NONE,      true,  不涉及（单位申报）",
            "true,  true,  NONE,      false, 涉及（“不涉及”不成立）",
            // the office's ruling decides over the box and a rejection
            "false, false, GRANTED,   true,  不涉及（区政府办公室认定）",
            "true,  true,  GRANTED,   true,  不涉及（区政府办公室认定）",
            "true,  false, WITHDRAWN, false, 涉及（单位已撤回“不涉及”）"})
    void theRulingDecidesElseTheClaimUnlessRejected(boolean claimed, boolean rejected, String ruling, boolean notInvolved,
                                                    String label) {
        // given the claim, a rejection and a ruling as in the row
        NotInvolvedRuling decided = ruling.equals("NONE") ? null : new NotInvolvedRuling(1L, "waitan", "4.12",
                ruling.equals("GRANTED"), "本年度未收到申请", null, "office01", Instant.EPOCH);

        // when / then
        NotInvolvedClaim claim = new NotInvolvedClaim("4.12", claimed, rejected, decided);
        assertThat(claim.notInvolved()).isEqualTo(notInvolved);
        assertThat(claim.label()).isEqualTo(label);
    }
}
