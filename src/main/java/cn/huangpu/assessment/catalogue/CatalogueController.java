package cn.huangpu.assessment.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.SortedSet;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/catalogues")
@Tag(name = "指标目录")
class CatalogueController {

    private final Catalogues catalogues;

    CatalogueController(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    @GetMapping
    @Operation(summary = "已有指标目录的年度")
    SortedSet<Integer> years() {
        return catalogues.years();
    }

    @GetMapping("/{year}")
    @Operation(summary = "某年度的指标目录：一级指标、三级指标、分值、考评方式和评分标准")
    Catalogue catalogue(@PathVariable int year) {
        return catalogues.forYear(year).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 " + year + " 年度的指标目录"));
    }
}
