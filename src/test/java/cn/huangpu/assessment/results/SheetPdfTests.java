package cn.huangpu.assessment.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The A4 PDF of a score sheet: Chinese text extractable (no missing glyphs), fonts embedded, access as the page. */
@H2IntegrationTest
@AutoConfigureMockMvc
class SheetPdfTests {

    @Autowired MockMvc mvc;
    @Autowired CampaignStarter starter;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired CampaignScoring scoring;

    @Test
    void rendersTheSheetWithItsChineseTextAndEmbeddedFonts() throws Exception {
        // the fonts come with the application: no assumption about the operating system
        Random random = new Random(5);
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        bots.fillSelfCheck(id, "waitan", random);
        bots.submitSelfCheck(id, "waitan");
        driver.runJobs();
        bots.verify(id, "waitan", random);
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        String total = scoring.latest(id, "waitan").orElseThrow().total().toPlainString();

        // (read by the office: the unit's own PDF opens with publication, results/UnitSheetVisibilityTests)
        byte[] pdf = mvc.perform(get("/app/results/" + id + "/waitan.pdf").with(httpBasic("office01", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();

        Files.createDirectories(Path.of("target", "pdf"));
        Files.write(Path.of("target", "pdf", "score-sheet.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // every glyph drawn comes from an embedded font
            List<String> notEmbedded = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition position) {
                    PDFont font = position.getFont();
                    if (!font.isEmbedded() && !position.getUnicode().isBlank()) {
                        notEmbedded.add(font.getName() + ":" + position.getUnicode());
                    }
                    super.processTextPosition(position);
                }
            };
            String text = stripper.getText(document);
            assertThat(text).contains("外滩街道").contains(total).contains("以案促改").contains("评分说明");
            // a long link may wrap across lines in the PDF
            assertThat(text.replaceAll("\\s", "")).contains("证明：https://www.shhuangpu.gov.cn/zw/waitan/1.1");
            assertThat(notEmbedded).isEmpty();
            assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
        }
        // another unit's sheet looks exactly like one that does not exist
        mvc.perform(get("/app/results/" + id + "/waitan.pdf").with(httpBasic("yuyuan01", "demo")))
                .andExpect(status().isNotFound());
    }
}
