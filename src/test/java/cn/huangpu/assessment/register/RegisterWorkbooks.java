package cn.huangpu.assessment.register;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Document registers as an office would fill the template in: the template's headers, then one row a document. */
final class RegisterWorkbooks {

    static final List<String> HEADERS = List.of("文号", "标题", "成文日期", "公开属性", "不予公开理由", "公开/备案日期");

    private RegisterWorkbooks() {
    }

    /** A row: 文号, 标题, 成文日期, 公开属性, 不予公开理由 (or null), 公开/备案日期. */
    static List<String> row(String number, String title, String written, String attribute, String reason, String filed) {
        return java.util.Arrays.asList(number, title, written, attribute, reason, filed);
    }

    static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("公文备案登记");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) != null) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
