package cn.huangpu.assessment.grading;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PDF output: two TrueType fonts embedded in every PDF (OpenType collections such as .ttc are not supported
 * by the renderer).
 *
 * @param fontPath      the CJK font (Debian fonts-droid-fallback by default); it has no Latin letters or digits
 * @param latinFontPath the font for Latin letters and digits (Debian fonts-dejavu-core by default)
 */
@ConfigurationProperties(prefix = "assessment.pdf")
public record PdfSettings(String fontPath, String latinFontPath) {

    public PdfSettings {
        fontPath = fontPath == null || fontPath.isBlank()
                ? "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf" : fontPath;
        latinFontPath = latinFontPath == null || latinFontPath.isBlank()
                ? "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" : latinFontPath;
    }
}
