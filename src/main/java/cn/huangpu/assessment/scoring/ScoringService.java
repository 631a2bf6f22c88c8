package cn.huangpu.assessment.scoring;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import cn.huangpu.assessment.scoring.GradeScale.GradeTable;
import cn.huangpu.assessment.web.InputError;
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

    /**
     * Prices and grades one unit with the catalogue and grade table in force now (the stateless preview), as
     * a campaign of the catalogue's own year.
     */
    public ScoreSheet score(UnitFacts facts) {
        return score(pricingForView(facts.year(), facts.year()), facts);
    }

    /**
     * What prices a round of a campaign of {@code campaignYear}: the campaign's catalogue with its version and
     * the grade table in force now, fixed once so that every unit of the round is priced alike and its results
     * can say what priced them. The campaign year places the catalogue's dates that follow it (4.6's 20 January).
     */
    public Pricing pricingForRound(int catalogueYear, int campaignYear) {
        return new Pricing(catalogue(catalogueYear), catalogues.version(catalogueYear).orElseThrow(), campaignYear,
                gradeScale.forRound());
    }

    /** As {@link #pricingForRound}, for a view that prices again and records nothing (the current scores). */
    public Pricing pricingForView(int catalogueYear, int campaignYear) {
        return new Pricing(catalogue(catalogueYear), catalogues.version(catalogueYear).orElseThrow(), campaignYear,
                gradeScale.forView());
    }

    /** Prices and grades one unit's facts with {@code pricing}. */
    public ScoreSheet score(Pricing pricing, UnitFacts facts) {
        ScoreSheet sheet = calculator.score(pricing.catalogue(), pricing.campaignYear(), facts);
        return sheet.withGrade(pricing.grader().gradeFor(sheet.total()));
    }

    public Catalogue catalogue(int year) {
        return catalogues.forYear(year).orElseThrow(() -> new InvalidFactsException(List.of(
                new InputError(null, "year", "指标目录年度", "没有 " + year + " 年度的指标目录，已有：" + catalogues.years()))));
    }

    /**
     * The catalogue and grade table a round or a view prices with.
     *
     * @param catalogueVersion the catalogue's version ({@link Catalogues#version}): its file's, whatever the
     *                         campaign year; the dates it resolves follow from the file and the campaign's year
     * @param campaignYear     the year of the campaign priced, which places dates relative to it
     */
    public record Pricing(Catalogue catalogue, String catalogueVersion, int campaignYear, GradeScale.Grader grader) {

        public GradeTable gradeTable() {
            return grader.table();
        }
    }
}
