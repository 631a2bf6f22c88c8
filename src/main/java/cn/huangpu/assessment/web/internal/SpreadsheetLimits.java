package cn.huangpu.assessment.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much of an uploaded spreadsheet is read before it is refused (see {@link SpreadsheetReader}).
 *
 * @param maxRows          rows of the sheet, header included
 * @param maxCellsPerRow   cells with a value in one row
 * @param maxCellChars     characters in one cell
 * @param maxUnzippedBytes bytes read out of the zip, all parts together: the memory one upload may take
 */
@ConfigurationProperties(prefix = "assessment.limits.spreadsheet")
public record SpreadsheetLimits(int maxRows, int maxCellsPerRow, int maxCellChars, DataSize maxUnzippedBytes) {

    public SpreadsheetLimits {
        maxRows = maxRows <= 0 ? 10_000 : maxRows;
        maxCellsPerRow = maxCellsPerRow <= 0 ? 200 : maxCellsPerRow;
        maxCellChars = maxCellChars <= 0 ? 1_000 : maxCellChars;
        maxUnzippedBytes = maxUnzippedBytes == null ? DataSize.ofMegabytes(64) : maxUnzippedBytes;
    }
}
