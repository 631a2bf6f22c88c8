package cn.huangpu.assessment.scoring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A priced sheet as a stored document: written once when a round prices it, read back as the same value,
 * points at their scale (85.00 stays 85.00). Its own mapper, so that the stored form does not follow the
 * web layer's Jackson settings.
 */
public final class ScoreSheetJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ScoreSheetJson() {
    }

    public static String write(ScoreSheet sheet) {
        try {
            return JSON.writeValueAsString(sheet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Score sheet not writable as JSON", e);
        }
    }

    public static ScoreSheet read(String json) {
        try {
            return JSON.readValue(json, ScoreSheet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored score sheet not readable", e);
        }
    }
}
