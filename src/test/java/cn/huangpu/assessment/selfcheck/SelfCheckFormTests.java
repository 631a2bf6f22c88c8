package cn.huangpu.assessment.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.PageSession;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The self-check form over real HTTP (the server's own form limits apply only there): a realistic self-check
 * of every indicator at its per-field limits saves; a field over its limit is refused, naming the indicator and
 * the field, with what was typed still on the page.
 */
@WebIntegrationTest
class SelfCheckFormTests {

    /** Text as units write it: Chinese, with line breaks as a browser sends them. */
    private static final String PROSE = "本单位严格落实政务信息主动公开要求，按季度更新公开目录，及时发布政策解读和办事指南；"
            + "依申请公开做到件件有登记、有答复、有归档，答复期限和答复格式均符合规定；"
            + "政府网站和政务新媒体栏目内容保持更新，重要政策文件同步发布图文解读。\r\n";

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired ProcessDriver driver;
    @Autowired SelfCheckService selfChecks;
    Long campaignId;
    List<Indicator> indicators;
    PageSession waitan;

    @BeforeEach
    void openCampaign() throws Exception {
        CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
        driver.runJobs();
        campaignId = campaign.id();
        indicators = selfChecks.catalogue(campaignId).indicators();
        waitan = PageSession.login(port, "waitan01", "demo");
    }

    @Test
    void aSelfCheckOfEveryIndicatorAtItsLimitsSavesAndReadsBack() throws Exception {
        // given every indicator answered up to its limits: 4,000 characters of Chinese text, and 20 links with a
        // Chinese path and keyword, 4,000 characters in all (line breaks typed as \r\n count once, as the box counts)
        Map<String, String[]> typed = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            typed.put(indicator.code(), new String[] {prose(4000), links(indicator.code(), 20, 4000)});
        }
        String form = form(typed);

        // when the form, 2.9 MB once urlencoded (the server used to drop every field of a form over 2 MB), is saved
        assertThat(form.getBytes(StandardCharsets.US_ASCII).length).isGreaterThan(2_850_000);
        var saved = waitan.postForm(page(), form);

        // then it is saved and reads back as typed (line breaks kept as \n)
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        Map<String, SelfCheckAnswer> stored = selfChecks.entries(campaignId, "waitan");
        assertThat(stored).hasSize(indicators.size());
        typed.forEach((code, answer) -> {
            assertThat(stored.get(code).completion()).isEqualTo(unix(answer[0]).strip()).hasSize(4000);
            assertThat(stored.get(code).evidenceLinks()).isEqualTo(unix(answer[1]).strip());
            assertThat(stored.get(code).links()).hasSize(20);
        });
        String shown = waitan.get(page()).body();
        assertThat(shown).contains("草稿已保存", unix(typed.get(indicators.get(0).code())[0]).strip().substring(0, 200));
    }

    @Test
    void aFieldOverItsLimitIsRefusedNamingIndicatorAndFieldAndKeepsWhatWasTyped() throws Exception {
        // given one indicator's completion one character over the limit, and another indicator typed in full
        String first = indicators.get(0).code();
        String second = indicators.get(1).code();
        String tooLong = prose(4001);
        String other = "已通过区政府门户网站公开年度报告，并同步推送至政务新媒体。";
        Map<String, String[]> typed = new LinkedHashMap<>();
        typed.put(first, new String[] {tooLong, ""});
        typed.put(second, new String[] {other, "https://www.shhuangpu.gov.cn/zw/report"});

        // when it is saved
        var refused = waitan.postForm(page(), form(typed));

        // then it is refused naming the indicator, the field and the limit, nothing is saved,
        // and the page shows what was typed in both indicators
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("指标 " + first + "：完成情况最多4000字，现有4001字")
                .contains(unix(tooLong).strip(), other, "https://www.shhuangpu.gov.cn/zw/report")
                .doesNotContain("无权访问");
        assertThat(selfChecks.entries(campaignId, "waitan")).isEmpty();
    }

    @Test
    void evidenceLinksOverTheirCountOrKeywordLimitAreRefused() throws Exception {
        // given 21 links for one indicator, and a keyword of 201 characters for another
        String first = indicators.get(0).code();
        String second = indicators.get(1).code();
        Map<String, String[]> typed = new LinkedHashMap<>();
        typed.put(first, new String[] {"已公开。", IntStream.rangeClosed(1, 21)
                .mapToObj(i -> "https://www.shhuangpu.gov.cn/zw/" + i).collect(Collectors.joining("\r\n"))});
        typed.put(second, new String[] {"已公开。", "https://www.shhuangpu.gov.cn/zw/a " + "关".repeat(201)});

        // when they are saved
        var refused = waitan.postForm(page(), form(typed));

        // then both are refused with the limit
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("指标 " + first + "：证明链接最多20条，现有21条")
                .contains("指标 " + second + "：证明链接后的关键词最多200字，现有201字");
        assertThat(selfChecks.entries(campaignId, "waitan")).isEmpty();
    }

    @Test
    void thePageStatesThePerFieldLimits() throws Exception {
        // when the unit opens its self-check
        String shown = waitan.get(page()).body();

        // then the limits are stated, and the text boxes hold no more
        assertThat(shown).contains("完成情况最多4000字", "证明链接最多20条", "每条网址不超过1000个字符", "关键词不超过200字",
                "合计不超过4000字", "maxlength=\"4000\"");
    }

    private String page() {
        return "/app/self-check/" + campaignId + "/waitan";
    }

    /** The page's form as a browser posts it: every indicator's two text boxes, and the page's CSRF token. */
    private String form(Map<String, String[]> typed) throws Exception {
        String token = PageSession.csrfToken(waitan.get(page()).body());
        StringBuilder form = new StringBuilder("_csrf=" + PageSession.encode(token) + "&action=save");
        typed.forEach((code, answer) -> form.append("&completion%5B").append(code).append("%5D=")
                .append(PageSession.encode(answer[0])).append("&links%5B").append(code).append("%5D=")
                .append(PageSession.encode(answer[1])));
        return form.toString();
    }

    /** Chinese prose of {@code length} characters as the text box counts them (a line break is one). */
    private static String prose(int length) {
        StringBuilder text = new StringBuilder();
        while (unix(text.toString()).length() < length) {
            text.append(PROSE);
        }
        String unix = unix(text.toString()).substring(0, length);
        // end on a character, not a line break, so that nothing is stripped off when it is saved
        return (unix.substring(0, length - 1) + "文").replace("\n", "\r\n");
    }

    /** {@code count} links of a Chinese path with a Chinese keyword each, {@code length} characters in all. */
    private static String links(String code, int count, int length) {
        int perLine = (length - (count - 1)) / count;
        return IntStream.rangeClosed(1, count).mapToObj(i -> {
            String url = "https://www.shhuangpu.gov.cn/政务公开/指标" + code + "/第" + i + "条";
            String keyword = "关键词".repeat(perLine).substring(0, perLine - url.length() - 1);
            return url + " " + keyword;
        }).collect(Collectors.joining("\r\n"));
    }

    private static String unix(String text) {
        return text.replace("\r\n", "\n");
    }
}
