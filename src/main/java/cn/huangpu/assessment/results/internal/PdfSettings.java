package cn.huangpu.assessment.results.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PDF output: two TrueType fonts embedded in every PDF. The application ships both (Droid Sans Fallback for
 * Chinese, Apache License 2.0; DejaVu Sans for Latin letters and digits, its free licence; files and licences
 * under {@code resources/fonts/}), so a PDF needs nothing from the operating system. A path given here
 * replaces the shipped font (OpenType collections such as .ttc are not supported by the renderer).
 *
 * @param fontPath      a CJK TrueType font to use instead of the shipped one, or empty
 * @param latinFontPath a Latin TrueType font to use instead of the shipped one, or empty
 */
@ConfigurationProperties(prefix = "assessment.pdf")
public record PdfSettings(String fontPath, String latinFontPath) {

    public PdfSettings {
        fontPath = fontPath == null ? "" : fontPath.trim();
        latinFontPath = latinFontPath == null ? "" : latinFontPath.trim();
    }
}
