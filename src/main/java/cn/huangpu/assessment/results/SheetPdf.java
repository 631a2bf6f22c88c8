package cn.huangpu.assessment.results;

import cn.huangpu.assessment.results.internal.PdfSettings;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a score sheet (评分说明) as an A4 PDF with the Chinese font embedded. */
@Component
class SheetPdf {

    static final String FONT_FAMILY = "CJK";
    static final String LATIN_FAMILY = "Latin";

    private final TemplateEngine templates;
    private final byte[] font;
    private final byte[] latin;

    SheetPdf(TemplateEngine templates, PdfSettings settings) {
        this.templates = templates;
        this.font = fontBytes(settings.fontPath(), "fonts/DroidSansFallbackFull.ttf");
        this.latin = fontBytes(settings.latinFontPath(), "fonts/DejaVuSans.ttf");
    }

    /** The font file the settings name, else the one shipped with the application; read once, at start. */
    private static byte[] fontBytes(String path, String shipped) {
        try {
            if (!path.isEmpty()) {
                return Files.readAllBytes(Path.of(path));
            }
            try (InputStream in = new ClassPathResource(shipped).getInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new IllegalStateException("PDF font not readable: " + (path.isEmpty() ? "classpath:" + shipped : path), e);
        }
    }

    byte[] render(Map<String, Object> model) {
        String html = templates.process("pdf/sheet", new Context(Locale.SIMPLIFIED_CHINESE, model));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // One face for every weight: the CJK font has no bold, and a missing weight would fall back to an
            // unembedded standard font.
            for (int weight : new int[] {400, 700}) {
                builder.useFont(() -> new ByteArrayInputStream(latin), LATIN_FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
                builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
