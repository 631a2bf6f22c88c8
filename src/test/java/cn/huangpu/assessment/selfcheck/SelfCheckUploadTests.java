package cn.huangpu.assessment.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.catalogue.Indicator;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.security.Groups;
import cn.huangpu.assessment.support.TestUsers;
import cn.huangpu.assessment.support.WebIntegrationTest;
import cn.huangpu.assessment.support.WebSession;
import cn.huangpu.assessment.web.EditConflictException;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Uploading a file from the self-check page sends the whole form, the typed drafts with the file, and saves both
 * in one transaction over real HTTP: nothing typed is lost by uploading, and nothing is half saved.
 */
@WebIntegrationTest
class SelfCheckUploadTests {

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final byte[] PDF = "%PDF-1.4 自查材料".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort int port;
    @Autowired CampaignStarter starter;
    @Autowired SelfCheckService selfChecks;
    @Autowired IdentityService identityService;
    Long campaign;
    String page;
    WebSession waitan;

    /** One part of the page's multipart form: a text field, or a file field (a null file name: left empty). */
    record Part(String name, String value, String fileName, byte[] content) {
        static Part text(String name, String value) {
            return new Part(name, value, null, null);
        }

        static Part file(String name, String fileName, byte[] content) {
            return new Part(name, null, fileName, content);
        }

        static Part noFile(String name) {
            return new Part(name, null, "", new byte[0]);
        }
    }

    @BeforeEach
    void openCampaign() throws Exception {
        campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        page = "/app/self-check/" + campaign + "/waitan";
        waitan = WebSession.login(port, "waitan01");
    }

    @Test
    void uploadingAFileSavesTheTextTypedInOtherRowsWithIt() throws Exception {
        // given text typed into 1.1 and 1.2, and a file chosen for 1.1 (the other rows' file fields left empty)
        List<Part> form = new ArrayList<>(List.of(
                Part.text("version[1.1]", "0"), Part.text("completion[1.1]", "已按季度更新公开目录。"),
                Part.text("links[1.1]", ""), Part.file("file[1.1]", "公开目录.pdf", PDF),
                Part.text("version[1.2]", "0"), Part.text("completion[1.2]", "已公开年度报告。"),
                Part.text("links[1.2]", "https://www.shhuangpu.gov.cn/zw/report"), Part.noFile("file[1.2]"),
                Part.text("upload", "1.1")));

        // when the 上传 button of 1.1 sends the form
        HttpResponse<String> answer = upload(form);

        // then both texts and the file are saved, and the page returns to the row
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(page + "#i-1.1");
        Map<String, SelfCheckAnswer> stored = selfChecks.entries(campaign, "waitan");
        assertThat(stored.get("1.1").completion()).isEqualTo("已按季度更新公开目录。");
        assertThat(stored.get("1.2").completion()).isEqualTo("已公开年度报告。");
        assertThat(stored.get("1.2").links()).containsExactly("https://www.shhuangpu.gov.cn/zw/report");
        assertThat(selfChecks.files(campaign, "waitan")).singleElement()
                .satisfies(f -> assertThat(f.indicatorCode()).isEqualTo("1.1"))
                .satisfies(f -> assertThat(f.fileName()).isEqualTo("公开目录.pdf"));
        // and 1.1 now counts as filled in completely (a completion and a file)
        assertThat(selfChecks.missing(campaign, "waitan")).extracting(e -> e.indicator()).doesNotContain("1.1", "1.2");
        assertThat(waitan.get(page).body()).contains("草稿已保存，附件已上传：公开目录.pdf（指标 1.1）", "已填 2/44");
    }

    @Test
    void aDraftOverItsLimitRefusesTheFileTooAndKeepsWhatWasTyped() throws Exception {
        // given 1.1 one character over its limit and a good file chosen for 1.2, typed text in 1.2
        String tooLong = "字".repeat(4001);
        HttpResponse<String> refused = upload(List.of(
                Part.text("version[1.1]", "0"), Part.text("completion[1.1]", tooLong), Part.noFile("file[1.1]"),
                Part.text("version[1.2]", "0"), Part.text("completion[1.2]", "已公开年度报告。"),
                Part.file("file[1.2]", "年度报告.pdf", PDF), Part.text("upload", "1.2")));

        // then neither the drafts nor the file are saved; the page names the field and shows the typed text
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("附件未上传", "指标 1.1：完成情况最多4000字，现有4001字", tooLong, "已公开年度报告。")
                .contains("data-unsaved=\"true\"");
        assertThat(selfChecks.entries(campaign, "waitan")).isEmpty();
        assertThat(selfChecks.files(campaign, "waitan")).isEmpty();
    }

    @Test
    void aFileOfTheWrongTypeRefusesTheDraftTooAndKeepsWhatWasTyped() throws Exception {
        // given good text in 1.1 and a program chosen as its file
        HttpResponse<String> refused = upload(List.of(
                Part.text("version[1.1]", "0"), Part.text("completion[1.1]", "已按季度更新公开目录。"),
                Part.file("file[1.1]", "目录.exe", "MZ".getBytes(StandardCharsets.US_ASCII)), Part.text("upload", "1.1")));

        // then nothing is saved, and the page says why with the text still in its box
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("指标 1.1：不支持的文件类型 .exe")
                .containsPattern("<textarea name=\"completion\\[1\\.1\\]\"[^>]*>已按季度更新公开目录。</textarea>");
        assertThat(selfChecks.entries(campaign, "waitan")).isEmpty();
        assertThat(selfChecks.files(campaign, "waitan")).isEmpty();
    }

    @Test
    void aFileOverTenMegabytesIsRefusedByTheServerWithTheTextKept() throws Exception {
        // given a file of 11 MB (within the 12 MB of an upload request, over the 10 MB of a file) and typed text
        HttpResponse<String> refused = upload(List.of(
                Part.text("version[1.1]", "0"), Part.text("completion[1.1]", "已按季度更新公开目录。"),
                Part.file("file[1.1]", "扫描件.pdf", new byte[11 * 1024 * 1024]), Part.text("upload", "1.1")));

        // then it is refused with the limit, and nothing is saved
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("指标 1.1：文件过大（11MB），单个文件不超过10MB", "已按季度更新公开目录。");
        assertThat(selfChecks.entries(campaign, "waitan")).isEmpty();
        assertThat(selfChecks.files(campaign, "waitan")).isEmpty();
    }

    @Test
    void anUploadWithoutAChosenFileSavesNothingAndSaysSo() throws Exception {
        // when 上传 of 1.1 is pressed with no file chosen
        HttpResponse<String> refused = upload(List.of(
                Part.text("version[1.1]", "0"), Part.text("completion[1.1]", "已按季度更新公开目录。"),
                Part.noFile("file[1.1]"), Part.text("upload", "1.1")));

        // then the indicator is named, and the text is kept on the page but not saved
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("指标 1.1：请选择要上传的文件", "已按季度更新公开目录。");
        assertThat(selfChecks.entries(campaign, "waitan")).isEmpty();
    }

    @Test
    void anUploadOnAVersionAColleagueMovedOnIsRefusedAndKeepsBothTexts() throws Exception {
        // given 1.1 saved at version 1, a colleague's change to version 2, and this page still at version 1
        assertThat(waitan.post(page, Map.of("completion[1.1]", "初稿", "version[1.1]", "0")).statusCode()).isEqualTo(302);
        WebSession colleague = WebSession.login(port, secondStaff());
        assertThat(colleague.post(page, Map.of("completion[1.1]", "同事的修改", "version[1.1]", "1")).statusCode())
                .isEqualTo(302);

        // when this page uploads a file for 1.1 with its own change of 1.1
        HttpResponse<String> refused = upload(List.of(
                Part.text("version[1.1]", "1"), Part.text("completion[1.1]", "我的修改"),
                Part.file("file[1.1]", "材料.pdf", PDF), Part.text("upload", "1.1")));

        // then nothing is saved: the colleague's text stays, no file; the page shows both texts
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains(EditConflictException.TITLE, "附件未上传", "您填写的内容（未保存）", "我的修改")
                .containsPattern("<textarea name=\"completion\\[1\\.1\\]\"[^>]*>同事的修改</textarea>")
                .contains("name=\"version[1.1]\" value=\"2\"");
        assertThat(selfChecks.entries(campaign, "waitan").get("1.1").completion()).isEqualTo("同事的修改");
        assertThat(selfChecks.files(campaign, "waitan")).isEmpty();
    }

    @Test
    void theWholePageWithEveryRowsFieldsUploadsAFile() throws Exception {
        // given the form as the browser sends it: every indicator's version, texts, not-involved box and file
        // field (empty but one), about 200 parts
        List<Part> form = new ArrayList<>();
        List<Indicator> indicators = selfChecks.catalogue(campaign).indicators();
        for (Indicator indicator : indicators) {
            String code = indicator.code();
            form.add(Part.text("version[" + code + "]", "0"));
            form.add(Part.text("completion[" + code + "]", "指标" + code + "已完成。"));
            form.add(Part.text("links[" + code + "]", "https://www.shhuangpu.gov.cn/zw/" + code));
            if (indicator.notInvolvedAllowed()) {
                form.add(Part.text("notInvolved[" + code + "]", "on"));
            }
            form.add(code.equals("1.1") ? Part.file("file[1.1]", "材料.pdf", PDF) : Part.noFile("file[" + code + "]"));
        }
        form.add(Part.text("upload", "1.1"));
        assertThat(form).hasSizeGreaterThan(4 * indicators.size());

        // when it is sent
        HttpResponse<String> answer = upload(form);

        // then all of it is saved
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(selfChecks.entries(campaign, "waitan")).hasSize(indicators.size());
        assertThat(selfChecks.files(campaign, "waitan")).hasSize(1);
        assertThat(selfChecks.missing(campaign, "waitan")).isEmpty();
    }

    @Test
    void aFormWithFarMorePartsThanThePageHasIsRefusedWithTheReason() throws Exception {
        // given a multipart form of 5,000 fields, far more than any page sends
        List<Part> form = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            form.add(Part.text("x" + i, "1"));
        }
        form.add(Part.file("file[1.1]", "材料.pdf", PDF));

        // when it is sent
        HttpResponse<String> answer = upload(form);

        // then it is refused in Chinese, not with a 500, and nothing is saved
        assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499).isNotEqualTo(403);
        assertThat(answer.body()).contains("表单字段过多");
        assertThat(selfChecks.files(campaign, "waitan")).isEmpty();
    }

    @Test
    void aFileNamedInLongChineseWithinTheNameLimitIsAccepted() throws Exception {
        // given a file name of 180 Chinese characters (the limit is 200), 540 bytes in the part's header
        String name = "关于本单位二〇二三年度政务公开工作情况的书面报告及附件材料".repeat(7).substring(0, 176) + ".pdf";

        // when it is uploaded from the page
        HttpResponse<String> answer = upload(List.of(Part.text("version[1.1]", "0"),
                Part.text("completion[1.1]", "已公开。"), Part.file("file[1.1]", name, PDF), Part.text("upload", "1.1")));

        // then it is saved under its name
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(selfChecks.files(campaign, "waitan")).extracting(EvidenceFileInfo::fileName).containsExactly(name);
    }

    @Test
    void aFileSentAsTheFormerUploadFormWithoutDraftsStillAttaches() throws Exception {
        // when a client sends the former upload form: the indicator's code and one field "file", no drafts
        HttpResponse<String> answer = waitan.upload(page + "/files", Map.of("indicatorCode", "1.1"), "材料.pdf", PDF);

        // then the file is attached to that indicator
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(selfChecks.files(campaign, "waitan")).extracting(EvidenceFileInfo::indicatorCode).containsExactly("1.1");
        assertThat(selfChecks.entries(campaign, "waitan")).isEmpty();
    }

    /** A second staff of 外滩街道, for an edit made side by side. */
    private String secondStaff() {
        if (identityService.createUserQuery().userId("waitan02").count() == 0) {
            User second = identityService.newUser("waitan02");
            second.setPassword("demo");
            identityService.saveUser(second);
            identityService.createMembership("waitan02", Groups.unit("waitan"));
        }
        return "waitan02";
    }

    /** The page's form posted by an upload button: multipart, the CSRF token in the address as the button has it. */
    private HttpResponse<String> upload(List<Part> parts) throws Exception {
        Matcher token = FORM_CSRF.matcher(waitan.get(page).body());
        assertThat(token.find()).isTrue();
        String boundary = "----" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            String disposition = "form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"");
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                    + (part.fileName() == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.fileName() == null ? part.value().getBytes(StandardCharsets.UTF_8) : part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = waitan.request(page + "/files?_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return waitan.send(request);
    }
}
