package cn.huangpu.assessment.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.H2IntegrationTest;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The unit's self-check export and the coordinator's results export for the performance leading group. */
@H2IntegrationTest
@AutoConfigureMockMvc
class ExportsTests {

    @Autowired MockMvc mvc;
    @Autowired CampaignStarter starter;
    @Autowired CampaignBots bots;
    @Autowired ProcessDriver driver;
    @Autowired CampaignScoring scoring;

    @Test
    void exportsTheSelfCheckAndTheResults() throws Exception {
        Random random = new Random(8);
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "czj"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        Long id = campaign.id();
        driver.runJobs();
        for (String unit : List.of("waitan", "czj")) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
            driver.runJobs();
            bots.verify(id, unit, random);
        }
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();

        Sheet selfCheck = sheet("/app/self-check/" + id + "/waitan/export.xlsx", "waitan01");
        assertThat(selfCheck.getLastRowNum()).isEqualTo(44);
        assertThat(selfCheck.getRow(0).getCell(4).getStringCellValue()).isEqualTo("完成情况");
        assertThat(selfCheck.getRow(44).getCell(0).getStringCellValue()).isEqualTo("7");

        Sheet results = sheet("/app/results/" + id + "/export.xlsx", "office01");
        assertThat(results.getLastRowNum()).isEqualTo(2);
        for (Row row : results) {
            if (row.getRowNum() == 0) {
                continue;
            }
            double sections = 0;
            for (int c = 3; c < 10; c++) {
                sections += row.getCell(c).getNumericCellValue();
            }
            String unit = row.getCell(1).getStringCellValue();
            UnitResult record = scoring.latest(id, unit).orElseThrow();
            assertThat(row.getCell(12).getNumericCellValue()).isEqualTo(record.total().doubleValue());
            assertThat(sections).isCloseTo(record.total().doubleValue(), Offset.offset(0.001));
            assertThat(row.getCell(13).getStringCellValue()).isEqualTo(record.grade());
        }
        mvc.perform(get("/app/results/" + id + "/export.xlsx").with(httpBasic("waitan01", "demo")))
                .andExpect(status().isForbidden());
        // another unit's export looks exactly like one that does not exist
        mvc.perform(get("/app/self-check/" + id + "/czj/export.xlsx").with(httpBasic("waitan01", "demo")))
                .andExpect(status().isNotFound());
    }

    private Sheet sheet(String path, String user) throws Exception {
        byte[] bytes = mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        return WorkbookFactory.create(new ByteArrayInputStream(bytes)).getSheetAt(0);
    }
}
