package cn.huangpu.assessment.audit;

import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import cn.huangpu.assessment.web.Workbooks;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a campaign's trail for people: a page of rows at a time, or every matching row as a spreadsheet. */
@Service
class AuditTrail {

    static final int PAGE_SIZE = 50;
    /** Rows SXSSF keeps in memory while the rest go to a temporary file. */
    private static final int ROWS_IN_MEMORY = 200;
    private static final int[] COLUMN_WIDTHS = {17, 14, 18, 24, 30, 10, 40, 40, 30};

    private final AuditQueries queries;
    private final AuditDescriber describer;

    AuditTrail(AuditQueries queries, AuditDescriber describer) {
        this.queries = queries;
        this.describer = describer;
    }

    /**
     * One page of the entries that match.
     *
     * @param number the page, from 1
     * @param total  how many entries match in all
     */
    record Page(List<AuditRow> rows, long total, int number, int pages) {
    }

    /** Page {@code number} of the matching entries, newest first; a page after the last is refused. */
    @Transactional(readOnly = true)
    Page page(AuditScope scope, AuditFilter filter, int number) {
        long total = queries.count(scope.campaignId(), filter, scope.zone());
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (number > pages) {
            throw new BadInputException("筛选条件有误", InputError.field("page", "页码",
                    "没有第" + number + "页：符合条件的记录共" + total + "条，" + pages + "页"));
        }
        AuditDescriber.Wording wording = describer.wording(scope);
        List<AuditRow> rows = queries.page(scope.campaignId(), filter, scope.zone(), (long) (number - 1) * PAGE_SIZE, PAGE_SIZE)
                .stream().map(wording::describe).toList();
        return new Page(rows, total, number, pages);
    }

    @Transactional(readOnly = true)
    List<String> actors(Long campaignId) {
        return queries.actors(campaignId);
    }

    /**
     * Writes every matching entry, newest first, in the page's words, to an xlsx workbook on {@code out}, and
     * answers how many it wrote. Rows stream from the database into the workbook's temporary files, so a trail
     * of any length is written in bounded memory; past a sheet's last row it continues on another sheet.
     */
    @Transactional(readOnly = true)
    long export(AuditScope scope, AuditFilter filter, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        try {
            AuditDescriber.Wording wording = describer.wording(scope);
            SheetWriter writer = new SheetWriter(workbook);
            queries.each(scope.campaignId(), filter, scope.zone(), entry -> writer.write(wording.describe(entry)));
            Sheet notes = workbook.createSheet("说明");
            int line = 0;
            notes.createRow(line++).createCell(0).setCellValue(scope.year() + "年度政务公开考核评估：审计记录");
            for (String criterion : wording.describe(filter)) {
                notes.createRow(line++).createCell(0).setCellValue("筛选条件　" + criterion);
            }
            notes.createRow(line).createCell(0).setCellValue("共" + writer.written + "条记录，按时间从新到旧排列");
            notes.setColumnWidth(0, 60 * 256);
            workbook.write(out);
            return writer.written;
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** Appends rows, starting another sheet when one is full. */
    private static final class SheetWriter {

        private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

        private final SXSSFWorkbook workbook;
        private final CellStyle wrapped;
        private Sheet sheet;
        private int sheets;
        private int next;
        private long written;

        SheetWriter(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            this.wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            startSheet();
        }

        void write(AuditRow audited) {
            if (next > LAST_ROW) {
                startSheet();
            }
            Row row = sheet.createRow(next++);
            List<String> cells = audited.cells();
            for (int i = 0; i < cells.size(); i++) {
                row.createCell(i).setCellValue(cells.get(i));
                row.getCell(i).setCellStyle(wrapped);
            }
            written++;
        }

        private void startSheet() {
            sheets++;
            sheet = Workbooks.sheet(workbook, sheets == 1 ? "审计记录" : "审计记录（" + sheets + "）", AuditRow.HEADERS);
            for (int i = 0; i < COLUMN_WIDTHS.length; i++) {
                sheet.setColumnWidth(i, COLUMN_WIDTHS[i] * 256);
            }
            next = 1;
        }
    }
}
