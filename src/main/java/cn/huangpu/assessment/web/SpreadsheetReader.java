package cn.huangpu.assessment.web;

import cn.huangpu.assessment.web.internal.RequestLimits;
import cn.huangpu.assessment.web.internal.SpreadsheetLimits;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.stereotype.Component;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads one sheet of an uploaded .xlsx row by row with POI's event API (XSSFReader, XSSFSheetXMLHandler and the
 * read-only shared strings), never as a workbook in memory. What it reads is bounded by
 * {@link SpreadsheetLimits}: a sheet with more rows, a row with more cells or a cell with more text is refused
 * as soon as the reader gets there, naming the limit, and every byte unzipped from the file (styles, shared
 * strings, the sheet) counts against one budget, so one upload cannot take more memory than that. POI's own
 * zip-bomb guards (ZipSecureFile's inflate ratio and entry size) stay on underneath.
 */
@Component
public class SpreadsheetReader {

    /** One row as read: its 0-based index and the text of each cell with a value, by 0-based column. */
    public record SheetRow(int index, Map<Integer, String> cells) {

        /** The text of a cell, "" when it is empty. */
        public String text(int column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** Takes the rows in order; may throw {@link BadInputException} to refuse the file and stop reading. */
    @FunctionalInterface
    public interface RowHandler {
        void row(SheetRow row);
    }

    private final SpreadsheetLimits limits;

    public SpreadsheetReader(SpreadsheetLimits limits) {
        this.limits = limits;
    }

    /** A sheet to read: its rows go to {@code handler}, with the cells of its first {@code columns} columns. */
    public record SheetRead(String name, int columns, boolean required, RowHandler handler) {
    }

    /**
     * Streams the rows of sheet {@code sheetName} to {@code handler}, with the cells of the first {@code columns}
     * columns (other cells count against the limits but are not kept).
     *
     * @throws BadInputException titled {@code title} when the file is not an .xlsx workbook, has no such sheet or
     *                           passes a limit, or whatever the handler throws
     */
    public void read(InputStream file, String sheetName, int columns, String title, RowHandler handler) {
        read(file, title, List.of(new SheetRead(sheetName, columns, true, handler)));
    }

    /**
     * Streams the rows of each named sheet to its handler, in the workbook's order of sheets, within one budget.
     *
     * @throws BadInputException titled {@code title} when the file is not an .xlsx workbook, lacks a required
     *                           sheet or passes a limit, or whatever a handler throws
     */
    public void read(InputStream file, String title, List<SheetRead> wanted) {
        Path copy = null;
        try {
            // From a file POI reads each part when asked for it; from a stream it would unzip them all first.
            copy = Files.createTempFile("upload-", ".xlsx");
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            read(copy, title, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    private void read(Path copy, String title, List<SheetRead> wanted) {
        BudgetedZip zip = null;
        OPCPackage workbook = null;
        try {
            zip = new BudgetedZip(new ZipSecureFile(copy.toFile()), new Budget(limits.maxUnzippedBytes().toBytes()));
            workbook = OPCPackage.open(zip);
            XSSFReader reader = new XSSFReader(workbook);
            reader.setUseReadOnlySharedStringsTable(true);
            SharedStrings strings = reader.getSharedStringsTable();
            Styles styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            Set<String> read = new HashSet<>();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    for (SheetRead one : wanted) {
                        if (one.name().equals(sheets.getSheetName()) && read.add(one.name())) {
                            XMLReader xml = XMLHelper.newXMLReader();
                            xml.setContentHandler(new BoundedSheetHandler(styles, strings,
                                    new Rows(one.columns(), title, one.handler()), title));
                            xml.parse(new InputSource(sheet));
                        }
                    }
                }
            }
            for (SheetRead one : wanted) {
                if (one.required() && !read.contains(one.name())) {
                    throw refused(title, "file", "找不到工作表“" + one.name() + "”，请使用下载的模板");
                }
            }
        } catch (BadInputException e) {
            throw e;
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof BadInputException refusal) {
                    throw refusal;
                }
                if (t instanceof Budget.Exceeded) {
                    throw refused(title, "file", "文件解压后超过" + RequestLimits.describe(limits.maxUnzippedBytes())
                            + "，超出上限；请使用下载的模板，不要加入图片或其他工作表");
                }
            }
            throw refused(title, "file", "无法读取该文件（不是 .xlsx 文件、文件已损坏，或解压后异常膨胀），请上传下载的 .xlsx 模板");
        } finally {
            if (workbook != null) {
                workbook.revert();
            } else if (zip != null) {
                zip.closeQuietly();
            }
        }
    }

    private static BadInputException refused(String title, String field, String reason) {
        // a cell or row is named as the spreadsheet shows it (第2行 C列), for people too; the file needs no label
        return new BadInputException(title, InputError.field(field, "file".equals(field) ? null : field, reason));
    }

    private static String where(int row, int column) {
        return "第" + (row + 1) + "行 " + Workbooks.column(column) + "列";
    }

    /** Collects the cells of a row and hands the row on, refusing one over the row and cell limits. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final int columns;
        private final String title;
        private final RowHandler handler;
        private int row;
        private int lastColumn;
        private int cellsInRow;
        private Map<Integer, String> cells;

        Rows(int columns, String title, RowHandler handler) {
            this.columns = columns;
            this.title = title;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= limits.maxRows()) {
                throw refused(title, "file", "表格行数超过上限：最多" + limits.maxRows() + "行（含表头），请只保留参评单位的行");
            }
            row = rowNum;
            lastColumn = -1;
            cellsInRow = 0;
            cells = new HashMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            handler.row(new SheetRow(rowNum, Map.copyOf(cells)));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? lastColumn + 1 : new CellReference(reference).getCol();
            lastColumn = column;
            if (value == null) {
                return;
            }
            if (++cellsInRow > limits.maxCellsPerRow()) {
                throw refused(title, "第" + (row + 1) + "行",
                        "有内容的单元格过多：每行最多" + limits.maxCellsPerRow() + "个");
            }
            if (value.length() > limits.maxCellChars()) {
                throw refused(title, where(row, column), "单元格内容过长：最多" + limits.maxCellChars() + "字，实有"
                        + value.length() + "字");
            }
            if (column < columns) {
                cells.put(column, value);
            }
        }
    }

    /**
     * POI's sheet handler, which gathers a cell's text before it hands the cell on; this one stops gathering
     * (and refuses) once a cell's text passes the limit, so that one huge cell cannot fill the memory.
     */
    private final class BoundedSheetHandler extends XSSFSheetXMLHandler {

        private final String title;
        private String cell;
        private boolean inText;
        private long chars;

        BoundedSheetHandler(Styles styles, SharedStrings strings, Rows rows, String title) {
            super(styles, null, strings, rows, new DataFormatter(), false);
            this.title = title;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                cell = attributes.getValue("r");
                chars = 0;
            } else if ("v".equals(localName) || "t".equals(localName)) {
                inText = true;
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("v".equals(localName) || "t".equals(localName)) {
                inText = false;
            }
            super.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inText) {
                chars += length;
                if (chars > limits.maxCellChars()) {
                    String field = cell == null ? "file" : where(new CellReference(cell).getRow(), new CellReference(cell).getCol());
                    throw refused(title, field, "单元格内容过长：最多" + limits.maxCellChars() + "字");
                }
            }
            super.characters(ch, start, length);
        }
    }

    /** The bytes that may still be unzipped from one upload. */
    private static final class Budget {

        /** The budget ran out while a part was read. */
        static final class Exceeded extends IOException {
            Exceeded() {
                super("unzipped size limit passed");
            }
        }

        private final long max;
        private long used;

        Budget(long max) {
            this.max = max;
        }

        void spend(long bytes) throws Exceeded {
            used += bytes;
            if (used > max) {
                throw new Exceeded();
            }
        }
    }

    /** The upload's zip (with POI's zip-bomb guards) whose every part, as it is read, spends the budget. */
    private static final class BudgetedZip implements ZipEntrySource {

        private final ZipFileZipEntrySource zip;
        private final Budget budget;

        BudgetedZip(ZipSecureFile zip, Budget budget) {
            this.zip = new ZipFileZipEntrySource(zip);
            this.budget = budget;
        }

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return zip.getEntries();
        }

        @Override
        public ZipArchiveEntry getEntry(String path) {
            return zip.getEntry(path);
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            return new FilterInputStream(zip.getInputStream(entry)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        budget.spend(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        budget.spend(n);
                    }
                    return n;
                }
            };
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        void closeQuietly() {
            try {
                zip.close();
            } catch (IOException ignored) {
                // Only read from; nothing is lost.
            }
        }

        @Override
        public boolean isClosed() {
            return zip.isClosed();
        }
    }
}
