package cn.huangpu.assessment.register;

import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.SpreadsheetReader;
import cn.huangpu.assessment.web.Workbooks;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.springframework.stereotype.Component;

/**
 * A register as a spreadsheet: the template (Chinese headers, a list for 公开属性, date columns, the rows entered so
 * far), and the upload of a filled one, read as a stream within the spreadsheet limits and refused as a whole, with
 * every bad cell as "第N行 X列：reason", when anything is wrong.
 */
@Component
class RegisterSpreadsheet {

    static final String TITLE = "登记表未导入";
    /** Bad cells listed in the answer; the rest are counted. */
    static final int MAX_LISTED_ERRORS = 200;
    /** Rows of the template that carry the 公开属性 list and the date format. */
    private static final int TEMPLATE_ROWS = 2000;

    private final RegisterService registers;
    private final SpreadsheetReader reader;

    RegisterSpreadsheet(RegisterService registers, SpreadsheetReader reader) {
        this.registers = registers;
        this.reader = reader;
    }

    static String sheetName(Register register) {
        return register.label();
    }

    Workbook template(Long campaignId, String unitCode, Register register) {
        Workbook workbook = Workbooks.workbook();
        List<String> headers = register.headers();
        Sheet sheet = Workbooks.sheet(workbook, sheetName(register), headers);
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        List<Integer> dateColumns = List.of(2, headers.size() - 1);
        for (int c = 0; c < headers.size(); c++) {
            sheet.setDefaultColumnStyle(c, dateColumns.contains(c) ? date : text);
            sheet.setColumnWidth(c, (c == 1 ? 40 : 18) * 256);
        }
        List<RegisteredRow> rows = registers.rows(campaignId, unitCode, register);
        for (int r = 0; r < rows.size(); r++) {
            RegisterEntry e = rows.get(r).entry();
            Row row = sheet.createRow(r + 1);
            List<String> cells = register.documents()
                    ? Arrays.asList(e.number(), e.title(), e.start().toString(), e.disclosure().label(), e.reason(),
                            e.end().toString())
                    : Arrays.asList(e.number(), e.title(), e.start().toString(), e.end().toString());
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c) != null) {
                    // dates as text in ISO form: read back the same whatever the reader's locale
                    row.createCell(c).setCellValue(cells.get(c));
                    row.getCell(c).setCellStyle(text);
                }
            }
        }
        if (register.documents()) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            DataValidationConstraint list = helper.createExplicitListConstraint(
                    Arrays.stream(Disclosure.values()).map(Disclosure::label).toArray(String[]::new));
            DataValidation validation = helper.createValidation(list, new CellRangeAddressList(1, TEMPLATE_ROWS, 3, 3));
            validation.setShowErrorBox(true);
            validation.createErrorBox("公开属性", "请选择：主动公开、依申请公开或不予公开");
            sheet.addValidationData(validation);
        }
        return workbook;
    }

    /**
     * Imports a filled template: replaces the unit's register with its rows, all or nothing. Refuses the whole file
     * when anything is wrong: not a workbook, other headers, a cell that is not what its column needs, a 文号
     * twice, a limit passed. Blank rows are skipped. Returns how many rows were saved.
     */
    int upload(Long campaignId, String unitCode, Register register, InputStream file, String actor) {
        List<String> expected = register.headers();
        Errors errors = new Errors();
        List<RegisterEntry> entries = new ArrayList<>();
        List<String> where = new ArrayList<>();
        boolean[] headerRead = {false};
        reader.read(file, sheetName(register), expected.size(), TITLE, row -> {
            if (!headerRead[0]) {
                headerRead[0] = true;
                checkHeader(row.index() == 0 ? row : null, expected);
                if (row.index() == 0) {
                    return;
                }
            }
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < expected.size(); c++) {
                texts.add(row.text(c));
            }
            if (RegisterChecks.blank(texts)) {
                return;
            }
            RegisterChecks.Checked checked = RegisterChecks.check(register, texts);
            for (RegisterChecks.Problem problem : checked.problems()) {
                String cell = cell(row.index(), problem.column());
                errors.add(InputError.field(cell, cell, problem.reason()));
            }
            if (checked.entry() != null) {
                entries.add(checked.entry());
                where.add(cell(row.index(), 0));
            }
        });
        if (!headerRead[0]) {
            checkHeader(null, expected);
        }
        if (errors.total() > 0) {
            throw new BadInputException(TITLE + "（共" + errors.total() + "处错误，全部未保存）", errors.listed());
        }
        try {
            return registers.replace(campaignId, unitCode, register, entries, where, actor);
        } catch (BadInputException e) {
            throw new BadInputException(e.title().replace(RegisterService.TITLE, TITLE), e.errors());
        }
    }

    private static String cell(int row, int column) {
        return "第" + (row + 1) + "行 " + Workbooks.column(column) + "列";
    }

    private static void checkHeader(SpreadsheetReader.SheetRow header, List<String> expected) {
        for (int c = 0; c < expected.size(); c++) {
            String found = header == null ? "" : header.text(c).strip();
            if (!found.equals(expected.get(c))) {
                String cell = "第1行 " + Workbooks.column(c) + "列";
                throw new BadInputException(TITLE, InputError.field(cell, cell,
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
}
