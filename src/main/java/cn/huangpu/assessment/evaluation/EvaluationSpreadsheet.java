package cn.huangpu.assessment.evaluation;

import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.UnitParticipation;
import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.catalogue.Input;
import cn.huangpu.assessment.catalogue.InputType;
import cn.huangpu.assessment.directory.ReferenceData;
import cn.huangpu.assessment.scoring.FactsParser;
import cn.huangpu.assessment.scoring.InvalidFactsException;
import cn.huangpu.assessment.scoring.NumberRules;
import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.EditConflictException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.SpreadsheetReader;
import cn.huangpu.assessment.web.Workbooks;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.springframework.stereotype.Component;

/**
 * A specialist evaluator's results as a spreadsheet: a template of its inputs × every unit (Chinese
 * headers, data validation, frozen header, current values filled in), and the upload of a filled one,
 * all or nothing, with every bad cell reported by row, column and reason.
 */
@Component
public class EvaluationSpreadsheet {

    static final String SHEET = "专项评估";
    /**
     * A sheet the user does not see: the version of every value the template was filled with, so that an upload
     * is refused where someone changed a value after the download (the page's hidden fields do the same).
     */
    static final String VERSIONS = "版本";
    static final String TITLE = "表格未导入";
    /** Bad cells listed in the answer; the rest are counted. */
    static final int MAX_LISTED_ERRORS = 200;

    private final EvaluationService evaluation;
    private final CampaignService campaigns;
    private final ReferenceData referenceData;
    private final SpreadsheetReader reader;

    EvaluationSpreadsheet(EvaluationService evaluation, CampaignService campaigns, ReferenceData referenceData,
                          SpreadsheetReader reader) {
        this.evaluation = evaluation;
        this.campaigns = campaigns;
        this.referenceData = referenceData;
        this.reader = reader;
    }

    /** One spreadsheet column: an input, and for a judgement whether this is its score or its reason. */
    record Column(Indicator indicator, Input input, boolean reason) {
        String header() {
            return indicator.code() + " " + input.label()
                    + (input.type() == InputType.JUDGEMENT ? (reason ? "（理由）" : "（分）") : "");
        }

        String key() {
            return indicator.code() + "/" + input.name();
        }
    }

    List<Column> columns(Catalogue catalogue, String evaluatorCode) {
        List<Column> columns = new ArrayList<>();
        for (Indicator indicator : catalogue.indicators()) {
            for (Input input : indicator.directInputs(evaluatorCode)) {
                columns.add(new Column(indicator, input, false));
                if (input.type() == InputType.JUDGEMENT) {
                    columns.add(new Column(indicator, input, true));
                }
            }
        }
        return columns;
    }

    private List<String> headers(List<Column> columns) {
        List<String> headers = new ArrayList<>(List.of("单位代码", "单位名称"));
        columns.forEach(c -> headers.add(c.header()));
        return headers;
    }

    public Workbook template(Long campaignId, String evaluatorCode) {
        Catalogue catalogue = evaluation.catalogue(campaigns.get(campaignId));
        List<Column> columns = columns(catalogue, evaluatorCode);
        Workbook workbook = Workbooks.workbook();
        Sheet sheet = Workbooks.sheet(workbook, SHEET, headers(columns));
        sheet.createFreezePane(2, 1);
        // only the columns' indicators: the other evaluators' values are not in the sheet
        Map<String, Map<String, EvaluationService.StoredValue>> stored = evaluation.values(campaignId,
                columns.stream().map(c -> c.indicator().code()).collect(Collectors.toSet()));
        // the rows in the order of the grid, so that the sheet and the page read alike
        List<UnitParticipation> units = referenceData.unitOrder().sorted(campaigns.units(campaignId), UnitParticipation::unitCode);
        for (int r = 0; r < units.size(); r++) {
            String unit = units.get(r).unitCode();
            Row row = sheet.createRow(r + 1);
            row.createCell(0).setCellValue(unit);
            row.createCell(1).setCellValue(referenceData.unitName(unit));
            for (int c = 0; c < columns.size(); c++) {
                EvaluationService.StoredValue value = stored.getOrDefault(unit, Map.of()).get(columns.get(c).key());
                if (value != null) {
                    write(row.createCell(c + 2), columns.get(c), value);
                }
            }
        }
        Sheet versions = workbook.createSheet(VERSIONS);
        Row versionHeader = versions.createRow(0);
        versionHeader.createCell(0).setCellValue("单位代码");
        versionHeader.createCell(1).setCellValue("指标/输入项");
        versionHeader.createCell(2).setCellValue("版本（请勿修改）");
        int v = 1;
        for (UnitParticipation unit : units) {
            for (Column column : columns) {
                EvaluationService.StoredValue value = stored.getOrDefault(unit.unitCode(), Map.of()).get(column.key());
                StoredFact fact = value == null ? null : value.fact();
                if (fact != null && !column.reason()) {
                    Row row = versions.createRow(v++);
                    row.createCell(0).setCellValue(unit.unitCode());
                    row.createCell(1).setCellValue(column.key());
                    // as text: a version is a long number that a numeric cell would show rounded
                    row.createCell(2).setCellValue(String.valueOf(fact.version()));
                }
            }
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(versions), SheetVisibility.VERY_HIDDEN);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c < columns.size(); c++) {
            DataValidationConstraint constraint = constraint(helper, columns.get(c));
            if (constraint != null && !units.isEmpty()) {
                DataValidation validation = helper.createValidation(constraint,
                        new CellRangeAddressList(1, units.size(), c + 2, c + 2));
                validation.setShowErrorBox(true);
                validation.createErrorBox("输入有误", "请按列标题填写：数量为0到" + NumberRules.DEFAULT_MAX.toPlainString()
                        + "的整数，比率为0到1的小数，是/否，或下拉选项");
                sheet.addValidationData(validation);
            }
        }
        return workbook;
    }

    private static DataValidationConstraint constraint(DataValidationHelper helper, Column column) {
        Input input = column.input();
        if (column.reason()) {
            return null;
        }
        return switch (input.type()) {
            case COUNT -> helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0",
                    NumberRules.highest(input).toPlainString());
            case NUMBER -> helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0",
                    NumberRules.highest(input).toPlainString());
            case RATE -> helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN, "0", "1");
            case FLAG -> helper.createExplicitListConstraint(new String[] {"是", "否"});
            case CHOICE -> helper.createExplicitListConstraint(input.options().stream().map(Input.Option::label)
                    .toArray(String[]::new));
            case JUDGEMENT -> helper.createExplicitListConstraint(input.scoreSteps().toArray(String[]::new));
            case DATE -> null;
        };
    }

    /**
     * A stored value into its cell. One that today's rules refuse is written as the text it was stored as, so
     * that the evaluator sees it and an upload of the sheet refuses it until it is corrected.
     */
    private static void write(Cell cell, Column column, EvaluationService.StoredValue stored) {
        if (stored.usable()) {
            write(cell, column, stored.value());
        } else if (!column.reason()) {
            cell.setCellValue(FormValues.display(stored.fact().valueJson(), stored.parsed()));
        } else if (stored.parsed() != null && stored.parsed().isObject()) {
            cell.setCellValue(stored.parsed().path("reason").asText());
        }
    }

    private static void write(Cell cell, Column column, JsonNode value) {
        Input input = column.input();
        if (column.reason()) {
            cell.setCellValue(value.path("reason").asText());
        } else if (input.type() == InputType.JUDGEMENT) {
            cell.setCellValue(value.path("score").decimalValue().stripTrailingZeros().toPlainString());
        } else if (value.isNumber()) {
            cell.setCellValue(value.decimalValue().doubleValue());
        } else if (value.isBoolean()) {
            cell.setCellValue(value.booleanValue() ? "是" : "否");
        } else if (input.type() == InputType.CHOICE) {
            cell.setCellValue(input.options().stream().filter(o -> o.code().equals(value.asText()))
                    .map(Input.Option::label).findFirst().orElse(value.asText()));
        } else {
            cell.setCellValue(value.asText());
        }
    }

    /**
     * Imports a filled template, read as a stream of rows within the spreadsheet limits. Refuses the whole
     * file, with every bad cell as "第N行 X列：reason" (the first {@value #MAX_LISTED_ERRORS} of them), when
     * anything is wrong: not a workbook, other headers, an unknown unit, a value of the wrong type, a limit
     * passed. Empty cells leave the stored value as it is. A cell whose value someone changed after the template
     * was downloaded (its version in the hidden sheet is not the stored one) refuses the whole file too
     * ({@link EditConflictException}), unless the cell says what is stored; a workbook without that sheet counts
     * as downloaded when nothing was stored. Returns how many values were saved.
     */
    public int upload(Long campaignId, String evaluatorCode, InputStream file, String actor) {
        Catalogue catalogue = evaluation.catalogue(campaigns.get(campaignId));
        List<Column> columns = columns(catalogue, evaluatorCode);
        Set<String> units = campaigns.units(campaignId).stream().map(UnitParticipation::unitCode).collect(Collectors.toSet());
        List<String> expected = headers(columns);
        Errors errors = new Errors();
        List<FactEntry> read = new ArrayList<>();
        Map<String, String> cells = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        boolean[] headerRead = {false};
        SpreadsheetReader.SheetRead versionSheet = new SpreadsheetReader.SheetRead(VERSIONS, 3, false, row -> {
            String version = row.text(2).strip();
            if (row.index() > 0 && version.matches("\\d{1,18}")) {
                versions.put(row.text(0).strip() + "|" + row.text(1).strip(), Long.parseLong(version));
            }
        });
        SpreadsheetReader.SheetRead valueSheet = new SpreadsheetReader.SheetRead(SHEET, expected.size(), true, row -> {
            if (!headerRead[0]) {
                headerRead[0] = true;
                checkHeader(row.index() == 0 ? row : null, expected);
                if (row.index() == 0) {
                    return;
                }
            }
            String unit = row.text(0).strip();
            if (unit.isEmpty()) {
                return;
            }
            int r = row.index();
            if (!units.contains(unit)) {
                String cell = "第" + (r + 1) + "行 A列";
                errors.add(InputError.field(cell, cell, "单位代码 " + unit + " 不在本次考评的参评单位中"));
                return;
            }
            Map<String, String> reasons = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).reason()) {
                    reasons.put(columns.get(c).key(), row.text(c + 2));
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                String text = row.text(c + 2).strip();
                if (column.reason() || text.isEmpty()) {
                    continue;
                }
                String where = "第" + (r + 1) + "行 " + Workbooks.column(c + 2) + "列";
                try {
                    JsonNode value = FormValues.toJson(column.input(), choiceCode(column.input(), text),
                            reasons.get(column.key()));
                    FactsParser.parseInput(column.indicator(), column.input().name(), value);
                    read.add(new FactEntry(unit, column.indicator().code(), column.input().name(), value, null));
                    cells.put(unit + "|" + column.key(), where);
                } catch (IllegalArgumentException e) {
                    errors.add(new InputError(column.indicator().code(), where, where, e.getMessage()));
                } catch (InvalidFactsException e) {
                    e.errors().forEach(err -> errors.add(new InputError(column.indicator().code(), where, where, err.reason())));
                }
            }
        });
        reader.read(file, TITLE, List.of(valueSheet, versionSheet));
        if (!headerRead[0]) {
            checkHeader(null, expected);
        }
        // the hidden sheet follows the values in the workbook, so the versions join the entries once both are read
        List<FactEntry> entries = read.stream().map(e -> new FactEntry(e.unitCode(), e.indicatorCode(), e.inputName(),
                e.value(), null, versions.getOrDefault(e.unitCode() + "|" + e.indicatorCode() + "/" + e.inputName(), 0L))).toList();
        if (errors.total() > 0) {
            throw new BadInputException("表格未导入（共" + errors.total() + "处错误，全部未保存）", errors.listed());
        }
        // Checked here to name the cells; record checks again in the transaction that saves.
        List<FactEntry> conflicting = evaluation.conflicting(campaignId, evaluatorCode, entries);
        if (!conflicting.isEmpty()) {
            throw new EditConflictException(conflicting.stream()
                    .map(c -> {
                        String cell = cells.get(c.unitCode() + "|" + c.indicatorCode() + "/" + c.inputName());
                        return new InputError(c.indicatorCode(), cell, cell, "下载模板后该值已被他人修改");
                    })
                    .toList());
        }
        evaluation.record(campaignId, evaluatorCode, entries, false, actor);
        return entries.size();
    }

    private static void checkHeader(SpreadsheetReader.SheetRow header, List<String> expected) {
        for (int c = 0; c < expected.size(); c++) {
            String found = header == null ? "" : header.text(c).strip();
            if (!found.equals(expected.get(c))) {
                String cell = "第1行 " + Workbooks.column(c) + "列";
                throw refused(InputError.field(cell, cell,
                        "表头应为“" + expected.get(c) + "”，实为“" + found + "”；请重新下载模板"));
            }
        }
    }

    /** The errors of an upload: all are counted, the first ones listed, so that a huge bad file stays a short answer. */
    private static final class Errors {

        private final List<InputError> listed = new ArrayList<>();
        private int total;

        void add(InputError error) {
            total++;
            if (listed.size() < MAX_LISTED_ERRORS) {
                listed.add(error);
            }
        }

        int total() {
            return total;
        }

        List<InputError> listed() {
            if (total <= listed.size()) {
                return listed;
            }
            List<InputError> all = new ArrayList<>(listed);
            all.add(InputError.field("file", "另有" + (total - listed.size()) + "处错误未列出，请改正以上各处后再导入"));
            return all;
        }
    }

    private static String choiceCode(Input input, String text) {
        if (input.type() != InputType.CHOICE) {
            return text;
        }
        return input.options().stream().filter(o -> o.label().equals(text) || o.code().equals(text))
                .map(Input.Option::code).findFirst().orElse(text);
    }

    private static BadInputException refused(InputError error) {
        return new BadInputException(TITLE, error);
    }
}
