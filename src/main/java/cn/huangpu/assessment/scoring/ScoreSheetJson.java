package cn.huangpu.assessment.scoring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;

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

    /**
     * The section subtotals of a stored sheet, read without its indicators: a sheet writes its sections before its
     * indicators (most of the document), so the read stops there.
     */
    public static List<ScoreSheet.SectionScore> sections(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("Stored score sheet is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("sections".equals(field)) {
                    return List.of(JSON.readValue(parser, ScoreSheet.SectionScore[].class));
                }
                parser.skipChildren();
            }
            throw new IllegalStateException("Stored score sheet has no sections");
        } catch (IOException e) {
            throw new IllegalStateException("Stored score sheet not readable", e);
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
