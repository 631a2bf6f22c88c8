package cn.huangpu.assessment.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/scoring")
@Tag(name = "评分")
class ScoringController {

    private final ScoringService scoring;

    ScoringController(ScoringService scoring) {
        this.scoring = scoring;
    }

    /**
     * Scores one unit's facts without saving anything.
     *
     * @param year  the catalogue year, a whole number (2023.5 is refused, not read as 2023)
     * @param facts the facts object of docs/facts-format.md, its numbers read exactly as written
     */
    record PreviewRequest(@NotNull(message = "须给出指标目录年度") Integer year,
                          @JsonDeserialize(using = FactsParser.RequestReader.class) JsonNode facts) {
    }

    @PostMapping("/preview")
    @Operation(summary = "试算评分（不保存）：按年度指标目录对一个单位的评分输入计算评分说明")
    ScoreSheet preview(@Valid @RequestBody PreviewRequest request) {
        return scoring.score(scoring.parse(request.year(), request.facts()));
    }
}
