package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletResponse;

class ErrorStatusHandlerTests {

    final ErrorStatusHandler handler = new ErrorStatusHandler();

    @Test
    void aTextTheDatabaseCannotStoreIsBadInputWithTheReason() throws Exception {
        // given the refusal PostgreSQL gives for a NUL in a text column (SQLState 22021), as Spring translates it
        var refused = new DataIntegrityViolationException("could not execute statement",
                new RuntimeException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
        MockHttpServletResponse response = new MockHttpServletResponse();

        // when it reaches the handler, then the answer is 400 with the Chinese reason
        handler.unstorableText(refused, response);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getErrorMessage()).isEqualTo(ErrorStatusHandler.UNSTORABLE_TEXT_MESSAGE);
    }

    @Test
    void anyOtherIntegrityViolationStaysWhatItWas() {
        // given a unique-key violation (SQLState 23505)
        var duplicate = new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key", "23505"));

        // then the handler does not answer it as bad input
        assertThatThrownBy(() -> handler.unstorableText(duplicate, new MockHttpServletResponse())).isSameAs(duplicate);
    }
}
