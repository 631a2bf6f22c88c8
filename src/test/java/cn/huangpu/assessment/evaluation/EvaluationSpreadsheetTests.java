package cn.huangpu.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The evaluator's spreadsheet: download, fill in by code, upload; and a bad one refused cell by cell. */
@H2IntegrationTest
@AutoConfigureMockMvc
class EvaluationSpreadsheetTests {

    @Autowired MockMvc mvc;
    @Autowired CampaignStarter starter;
    @Autowired EvaluationService evaluation;
    @Autowired CampaignScoring scoring;
    CampaignInfo campaign;

    @BeforeEach
    void openCampaign() {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE", "JUSTICE")), CampaignBots.COORDINATOR_USER);
    }

    @Test
    void aFilledTemplateRoundTripsAndChangesTheScores() throws Exception {
        // given the template of 区司法局 (4.13: corrected reviews, lost lawsuits, requests handled)
        byte[] template = download("JUSTICE", "eval-justice");
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(template));
        Sheet sheet = workbook.getSheet("专项评估");
        assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).startsWith("4.13");
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getDataValidations()).isNotEmpty();

        // when it is filled in by code: 外滩街道 2 corrections in 100 requests (2% > 0.2%), 豫园街道 none in 500
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            boolean waitan = row.getCell(0).getStringCellValue().equals("waitan");
            row.createCell(2).setCellValue(waitan ? 2 : 0);
            row.createCell(3).setCellValue(0);
            row.createCell(4).setCellValue(waitan ? 100 : 500);
        }
        upload("JUSTICE", "eval-justice", workbook).andExpect(status().is3xxRedirection());

        // then the values are stored and 4.13 scores 0 for 外滩街道 and 2 for 豫园街道
        assertThat(evaluation.facts(campaign.id()).get("waitan")).containsKeys("4.13/correctedReviews", "4.13/requestsHandled");
        assertThat(scoring.currentSheet(campaign.id(), "waitan").indicator("4.13").basePart()).isEqualByComparingTo("0");
        assertThat(scoring.currentSheet(campaign.id(), "yuyuan").indicator("4.13").basePart()).isEqualByComparingTo("2");
        // and a second download shows what was stored
        Workbook again = WorkbookFactory.create(new ByteArrayInputStream(download("JUSTICE", "eval-justice")));
        assertThat(again.getSheet("专项评估").getRow(1).getCell(4).getNumericCellValue()).isIn(100.0, 500.0);
    }

    @Test
    void aBadTemplateIsRefusedCellByCellAndNothingIsSaved() throws Exception {
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(download("FINANCE", "eval-finance")));
        Sheet sheet = workbook.getSheet("专项评估");
        sheet.getRow(1).createCell(2).setCellValue(-1);
        sheet.getRow(2).createCell(2).setCellValue("很多");
        Row extra = sheet.createRow(3);
        extra.createCell(0).setCellValue("nosuchunit");
        extra.createCell(2).setCellValue(1);

        upload("FINANCE", "eval-finance", workbook)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("第2行 C列")))
                .andExpect(content().string(Matchers.containsString("数量不能为负数")))
                .andExpect(content().string(Matchers.containsString("第3行 C列")))
                .andExpect(content().string(Matchers.containsString("须为数字")))
                .andExpect(content().string(Matchers.containsString("第4行 A列")));
        assertThat(evaluation.facts(campaign.id())).isEmpty();
    }

    @Test
    void aNumberBeyondTheRangeIsRefusedByCellAndThePagesStillAnswer() throws Exception {
        // given 区财政局's template with 1e100000 typed as text for 外滩街道 and a double no count reaches for 豫园街道
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(download("FINANCE", "eval-finance")));
        Sheet sheet = workbook.getSheet("专项评估");
        sheet.getRow(1).createCell(2).setCellValue("1e100000");
        sheet.getRow(2).createCell(2).setCellValue(1e300);

        // when it is uploaded, then both cells are refused with row, column and a Chinese reason, and nothing is saved
        upload("FINANCE", "eval-finance", workbook)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.matchesPattern("(?s).*第2行 C列 （指标 1.4）：[^<]*不能超过[^<]*<.*")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*第3行 C列 （指标 1.4）：[^<]*不能超过[^<]*<.*")));
        assertThat(evaluation.facts(campaign.id())).isEmpty();
        // and the grid, the template and the comprehensive page still answer
        mvc.perform(get("/app/evaluation/" + campaign.id() + "/FINANCE").with(httpBasic("eval-finance", "demo")))
                .andExpect(status().isOk());
        download("FINANCE", "eval-finance");
        mvc.perform(get("/app/comprehensive/" + campaign.id()).with(httpBasic("office01", "demo")))
                .andExpect(status().isOk());
    }

    @Test
    void anotherEvaluatorsTemplateIsRefused() throws Exception {
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(download("FINANCE", "eval-finance")));

        upload("JUSTICE", "eval-justice", workbook)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("请重新下载模板")));
    }

    @Test
    void aMillionRowWorkbookIsRefusedAtTheRowLimit() throws Exception {
        // given the template's header and 999,999 rows of 外滩街道 (written as a stream, a few MB zipped)
        Row header = WorkbookFactory.create(new ByteArrayInputStream(download("FINANCE", "eval-finance")))
                .getSheet("专项评估").getRow(0);
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        workbook.setCompressTempFiles(true);
        Sheet sheet = workbook.createSheet("专项评估");
        Row copy = sheet.createRow(0);
        header.forEach(cell -> copy.createCell(cell.getColumnIndex()).setCellValue(cell.getStringCellValue()));
        for (int r = 1; r < 1_000_000; r++) {
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue("waitan");
            row.createCell(2).setCellValue(1);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        workbook.write(file);
        workbook.close();
        assertThat(file.size()).isLessThan(10 * 1024 * 1024);

        // when it is uploaded, then it is refused with the row limit, and nothing is saved
        mvc.perform(multipart("/app/evaluation/" + campaign.id() + "/FINANCE/upload")
                        .file(new MockMultipartFile("file", "million.xlsx", null, file.toByteArray()))
                        .with(httpBasic("eval-finance", "demo")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("表格行数超过上限：最多10000行（含表头）")));
        assertThat(evaluation.facts(campaign.id())).isEmpty();
    }

    @Test
    void aCellOverTheTextLimitIsRefusedNamingTheCell() throws Exception {
        // given the template with 1,001 characters in a cell
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(download("FINANCE", "eval-finance")));
        workbook.getSheet("专项评估").getRow(1).createCell(2).setCellValue("很".repeat(1001));

        // when it is uploaded, then it is refused naming the cell and the limit
        upload("FINANCE", "eval-finance", workbook)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("第2行 C列")))
                .andExpect(content().string(Matchers.containsString("单元格内容过长：最多1000字")));
        assertThat(evaluation.facts(campaign.id())).isEmpty();
    }

    @Test
    void aRowOverTheCellLimitIsRefused() throws Exception {
        // given the template with 201 filled cells in a unit's row, beyond its columns
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(download("FINANCE", "eval-finance")));
        Row row = workbook.getSheet("专项评估").getRow(1);
        for (int c = 0; c < 201; c++) {
            row.createCell(100 + c).setCellValue(c);
        }

        // when it is uploaded, then it is refused naming the row and the limit
        upload("FINANCE", "eval-finance", workbook)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("第2行")))
                .andExpect(content().string(Matchers.containsString("每行最多200个")));
        assertThat(evaluation.facts(campaign.id())).isEmpty();
    }

    private byte[] download(String evaluator, String user) throws Exception {
        return mvc.perform(get("/app/evaluation/" + campaign.id() + "/" + evaluator + "/template.xlsx")
                        .with(httpBasic(user, "demo")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private ResultActions upload(String evaluator, String user, Workbook workbook)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return mvc.perform(multipart("/app/evaluation/" + campaign.id() + "/" + evaluator + "/upload")
                .file(new MockMultipartFile("file", "filled.xlsx", null, out.toByteArray()))
                .with(httpBasic(user, "demo")).with(csrf()));
    }
}
