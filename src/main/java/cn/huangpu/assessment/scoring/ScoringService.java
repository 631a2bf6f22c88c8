package cn.huangpu.assessment.scoring;

import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.stereotype.Service;

/** Scores and grades units: parses facts against the year's catalogue, prices them and applies the grade scale. */
@Service
public class ScoringService {

    private final Catalogues catalogues;
    private final GradeScale gradeScale;
    private final ScoreCalculator calculator = new ScoreCalculator();

    ScoringService(Catalogues catalogues, GradeScale gradeScale) {
        this.catalogues = catalogues;
        this.gradeScale = gradeScale;
    }

    /** Checks facts in the documented JSON shape against the year's catalogue. */
    public UnitFacts parse(int year, JsonNode facts) {
        return FactsParser.parse(catalogue(year), facts);
    }

    /** Reads facts recorded with a result, leaving out what today's rules refuse (see {@link FactsParser#parseRecorded}). */
    public UnitFacts parseRecorded(int year, JsonNode facts) {
        return FactsParser.parseRecorded(catalogue(year), facts);
    }

    public ScoreSheet score(UnitFacts facts) {
        ScoreSheet sheet = calculator.score(catalogue(facts.year()), facts);
        return sheet.withGrade(gradeScale.gradeFor(sheet.total()));
    }

    public Catalogue catalogue(int year) {
        return catalogues.forYear(year).orElseThrow(() -> new InvalidFactsException(List.of(
                new InputError(null, "year", "指标目录年度", "没有 " + year + " 年度的指标目录，已有：" + catalogues.years()))));
    }
}
