package cn.huangpu.assessment.directory;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Catalogues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api")
@Tag(name = "参评单位与专项评估单位")
class ReferenceDataController {

    private final ReferenceData referenceData;
    private final Catalogues catalogues;

    ReferenceDataController(ReferenceData referenceData, Catalogues catalogues) {
        this.referenceData = referenceData;
        this.catalogues = catalogues;
    }

    record UnitView(String code, String name, UnitKind kind) {
    }

    record EvaluatorView(String code, String name, String unitCode, List<String> indicators) {
    }

    @GetMapping("/units")
    @Operation(summary = "参评单位")
    List<UnitView> units() {
        return referenceData.activeUnits().stream().map(u -> new UnitView(u.code(), u.name(), u.kind())).toList();
    }

    @GetMapping("/evaluators")
    @Operation(summary = "专项评估牵头单位及其负责的指标（按年度指标目录）")
    List<EvaluatorView> evaluators(@RequestParam(defaultValue = "2023") int year) {
        Catalogue catalogue = catalogues.forYear(year).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 " + year + " 年度的指标目录"));
        Map<String, List<String>> owned = catalogue.indicatorsByEvaluator();
        return referenceData.evaluators().stream()
                .map(e -> new EvaluatorView(e.code(), e.name(), e.unitCode(),
                        owned.getOrDefault(e.code(), List.of())))
                .toList();
    }
}
