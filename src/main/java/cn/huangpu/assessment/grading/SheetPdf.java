package cn.huangpu.assessment.grading;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a score sheet (评分说明) as an A4 PDF with the Chinese font embedded. */
@Component
class SheetPdf {

    static final String FONT_FAMILY = "CJK";
    static final String LATIN_FAMILY = "Latin";

    private final TemplateEngine templates;
    private final PdfSettings settings;

    SheetPdf(TemplateEngine templates, PdfSettings settings) {
        this.templates = templates;
        this.settings = settings;
    }

    byte[] render(Map<String, Object> model) {
        File font = new File(settings.fontPath());
        File latin = new File(settings.latinFontPath());
        if (!font.canRead() || !latin.canRead()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "服务器未安装PDF所需的字体（"
                    + settings.fontPath() + "、" + settings.latinFontPath() + "），请联系系统管理员");
        }
        String html = templates.process("pdf/sheet", new Context(Locale.SIMPLIFIED_CHINESE, model));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // One face for every weight: the CJK font has no bold, and a missing weight would fall back to an
            // unembedded standard font.
            for (int weight : new int[] {400, 700}) {
                builder.useFont(latin, LATIN_FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
                builder.useFont(font, FONT_FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
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
