package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huangpu.assessment.web.internal.SpreadsheetLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Uploaded spreadsheets read as a stream of rows, within row, cell, text and unzipped-size limits. */
class SpreadsheetReaderTests {

    static final SpreadsheetLimits SMALL = new SpreadsheetLimits(100, 5, 20, DataSize.ofKilobytes(512));

    final SpreadsheetReader reader = new SpreadsheetReader(SMALL);
    final List<SpreadsheetReader.SheetRow> rows = new ArrayList<>();

    @Test
    void readsTheRowsOfTheNamedSheetAsTheCellsShowThem() throws IOException {
        // given a workbook whose second sheet is the one asked for, with text, numbers and an empty row
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("不是这张");
        Sheet sheet = workbook.createSheet("专项评估");
        sheet.createRow(0).createCell(0).setCellValue("单位代码");
        Row values = sheet.createRow(2);
        values.createCell(0).setCellValue("waitan");
        values.createCell(2).setCellValue(2);
        values.createCell(3).setCellValue(0.25);
        values.createCell(9).setCellValue("超出所读的列");

        // when it is read, keeping four columns
        reader.read(stream(workbook), "专项评估", 4, "表格未导入", rows::add);

        // then each row comes with its index and its cells' text; cells past the columns kept are left out
        assertThat(rows).extracting(SpreadsheetReader.SheetRow::index).containsExactly(0, 2);
        assertThat(rows.get(0).cells()).isEqualTo(Map.of(0, "单位代码"));
        assertThat(rows.get(1).cells()).isEqualTo(Map.of(0, "waitan", 2, "2", 3, "0.25"));
        assertThat(rows.get(1).text(1)).isEmpty();
    }

    @Test
    void aSheetLongerThanTheRowLimitIsRefusedWhenTheReaderGetsThere() throws IOException {
        // given a sheet of 1,000 rows, ten times the limit, written as a stream
        SXSSFWorkbook workbook = new SXSSFWorkbook(50);
        Sheet sheet = workbook.createSheet("专项评估");
        for (int r = 0; r < 1_000; r++) {
            sheet.createRow(r).createCell(0).setCellValue("waitan");
        }

        // when it is read, then it is refused naming the limit, and reading stopped at the limit
        assertThatThrownBy(() -> reader.read(stream(workbook), "专项评估", 4, "表格未导入", rows::add))
                .isInstanceOf(BadInputException.class).hasMessageContaining("表格行数超过上限：最多100行（含表头）");
        assertThat(rows).hasSize(100);
    }

    @Test
    void aRowWithMoreCellsThanTheLimitIsRefused() throws IOException {
        // given a row of six cells with a value, one more than the limit
        XSSFWorkbook workbook = new XSSFWorkbook();
        Row row = workbook.createSheet("专项评估").createRow(0);
        for (int c = 0; c < 6; c++) {
            row.createCell(c * 3).setCellValue(c);
        }

        // when it is read, then it is refused naming the row and the limit
        assertThatThrownBy(() -> reader.read(stream(workbook), "专项评估", 4, "表格未导入", rows::add))
                .isInstanceOf(BadInputException.class).hasMessageContaining("第1行：有内容的单元格过多：每行最多5个");
    }

    @Test
    void aCellWithMoreTextThanTheLimitIsRefusedWhetherSharedOrInline() throws IOException {
        // given 21 characters in a cell, as a shared string (XSSF) and as an inline string (SXSSF)
        XSSFWorkbook shared = new XSSFWorkbook();
        shared.createSheet("专项评估").createRow(1).createCell(2).setCellValue("很".repeat(21));
        SXSSFWorkbook inline = new SXSSFWorkbook();
        inline.createSheet("专项评估").createRow(1).createCell(2).setCellValue("很".repeat(21));

        // when each is read, then each is refused naming the cell and the limit
        for (Workbook workbook : List.of(shared, inline)) {
            assertThatThrownBy(() -> reader.read(stream(workbook), "专项评估", 4, "表格未导入", rows::add))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("第2行 C列：单元格内容过长：最多20字");
        }
    }

    @Test
    void aFileThatUnzipsBeyondTheBudgetIsRefused() throws IOException {
        // given 40,000 rows of a different short string each: every row and cell within the limits of this
        // reader, about 1 MB of shared strings and more of sheet, twice its budget of 512 KB
        SpreadsheetReader reader = new SpreadsheetReader(new SpreadsheetLimits(100_000, 5, 20, DataSize.ofKilobytes(512)));
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("专项评估");
        for (int r = 0; r < 40_000; r++) {
            sheet.createRow(r).createCell(0).setCellValue("单位" + r);
        }

        // when it is read, then it is refused naming the unzipped-size limit
        assertThatThrownBy(() -> reader.read(stream(workbook), "专项评估", 4, "表格未导入", rows::add))
                .isInstanceOf(BadInputException.class).hasMessageContaining("文件解压后超过512KB");
    }

    @Test
    void aPartThatInflatesLikeAZipBombIsRefusedByPoisGuard() throws IOException {
        // given a readable workbook whose styles part is padded with 20 MB of blanks, which compress to almost
        // nothing: well-formed, and within the budget, so only the inflate-ratio guard can stop it
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("专项评估").createRow(0).createCell(0).setCellValue("单位代码");
        byte[] styles = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns="
                + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + " ".repeat(20 * 1024 * 1024)
                + "</styleSheet>").getBytes(StandardCharsets.UTF_8);
        byte[] bomb = replace(stream(workbook).readAllBytes(), "xl/styles.xml", styles);
        SpreadsheetReader roomy = new SpreadsheetReader(new SpreadsheetLimits(100, 5, 20, DataSize.ofMegabytes(64)));

        // when it is read, then POI's guard refuses it
        assertThatThrownBy(() -> roomy.read(new ByteArrayInputStream(bomb), "专项评估", 4, "表格未导入", rows::add))
                .isInstanceOf(BadInputException.class).hasMessageContaining("无法读取该文件");
        assertThat(rows).isEmpty();
    }

    @Test
    void aFileThatIsNotAWorkbookOrLacksTheSheetIsRefused() throws IOException {
        XSSFWorkbook other = new XSSFWorkbook();
        other.createSheet("Sheet1");

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream("%PDF-1.4".getBytes()), "专项评估", 4, "表格未导入",
                rows::add)).isInstanceOf(BadInputException.class).hasMessageContaining("无法读取该文件");
        assertThatThrownBy(() -> reader.read(stream(other), "专项评估", 4, "表格未导入", rows::add))
                .isInstanceOf(BadInputException.class).hasMessageContaining("找不到工作表“专项评估”");
    }

    private static ByteArrayInputStream stream(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        workbook.close();
        return new ByteArrayInputStream(out.toByteArray());
    }

    /** The zip with one entry's content replaced. */
    private static byte[] replace(byte[] zip, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(entry.getName().equals(name) ? content : in.readAllBytes());
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
