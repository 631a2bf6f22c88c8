package cn.huangpu.assessment.scoring;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.CatalogueReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.FileInputStream;
import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/** The real 2023 catalogue and the real GradeDecision table, without Spring or a process engine. */
public final class TestCatalogues {

    private static Catalogue catalogue2023;
    private static GradeScale gradeDecision;

    private TestCatalogues() {
    }

    public static synchronized Catalogue catalogue2023() {
        if (catalogue2023 == null) {
            try (InputStream in = TestCatalogues.class.getResourceAsStream("/catalogues/2023.yaml")) {
                catalogue2023 = CatalogueReader.read(in, "2023.yaml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return catalogue2023;
    }

    /** Evaluates processes/GradeDecision.dmn with the standalone DMN engine, the total going in as it is. */
    public static synchronized GradeScale gradeDecision() {
        if (gradeDecision == null) {
            DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
            try (InputStream in = new FileInputStream("processes/GradeDecision.dmn")) {
                DmnDecision decision = engine.parseDecision("GradeDecision", in);
                GradeScale.GradeTable file = new GradeScale.GradeTable("processes/GradeDecision.dmn", "GradeDecision", 0);
                GradeScale.Grader grader = new GradeScale.Grader() {
                    @Override
                    public GradeScale.GradeTable table() {
                        return file;
                    }

                    @Override
                    public String gradeFor(BigDecimal total) {
                        return engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("total", total))
                                .getSingleResult().getEntry("grade");
                    }
                };
                gradeDecision = new GradeScale() {
                    @Override
                    public Grader forRound() {
                        return grader;
                    }

                    @Override
                    public Grader forView() {
                        return grader;
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return gradeDecision;
    }

    public static BigDecimal points(String value) {
        return new BigDecimal(value);
    }
}
