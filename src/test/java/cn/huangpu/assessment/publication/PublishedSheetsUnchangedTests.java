package cn.huangpu.assessment.publication;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.AssessmentApplication;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.CampaignStatus;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.results.CampaignScoring;
import cn.huangpu.assessment.results.UnitResult;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Published results are a document: after publication the office deploys a grade table with other cut-offs
 * and the application restarts with a reworded catalogue, and every channel still shows the sheet as it was
 * published — the unit's page, its PDF, the leading group's spreadsheet, the public list and the public
 * sheet — while the list and the sheet agree. Two application runs on one database, as a restart is.
 */
class PublishedSheetsUnchangedTests {

    private static final String REWORDED = "（本条表述已修订）";
    private static final Pattern CRITERION = Pattern.compile("(?m)^(\\s+text: )(.+)$");

    @TempDir
    Path catalogues;

    private final String database = "jdbc:h2:mem:published-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext app;

    /*
     * The Camunda webapps keep their engine access in static fields that a closing application clears, and an
     * engine registers itself by name in a static registry: the runs here take another engine name and give the
     * webapps of the test contexts still cached in this JVM their access back.
     */
    private final CockpitRuntimeDelegate cockpit = Cockpit.getRuntimeDelegate();
    private final AdminRuntimeDelegate admin = Admin.getRuntimeDelegate();
    private final TasklistRuntimeDelegate tasklist = Tasklist.getRuntimeDelegate();
    private final WelcomeRuntimeDelegate welcome = Welcome.getRuntimeDelegate();

    @AfterEach
    void stop() throws SQLException {
        if (app != null) {
            app.close();
        }
        Cockpit.setCockpitRuntimeDelegate(cockpit);
        Admin.setAdminRuntimeDelegate(admin);
        Tasklist.setTasklistRuntimeDelegate(tasklist);
        Welcome.setRuntimeDelegate(welcome);
        try (Connection connection = DriverManager.getConnection(database, "sa", "")) {
            connection.createStatement().execute("shutdown");
        }
    }

    @Test
    void aPublishedSheetStaysAsPublishedOnEveryChannel() throws Exception {
        // given a campaign published with the shipped catalogue and grade table
        Files.copy(Path.of("src/main/resources/catalogues/2023.yaml"), catalogues.resolve("2023.yaml"));
        app = start();
        Long id = publishCampaign();
        UnitResult published = app.getBean(CampaignScoring.class).latest(id, "waitan").orElseThrow();
        Channels before = channels(id);
        app.close();

        // when the catalogue is reworded (every criterion, so every explanation line changes), the application
        // restarts with it, and the office deploys a grade table that gives every total another grade
        String yaml = Files.readString(catalogues.resolve("2023.yaml"), StandardCharsets.UTF_8);
        Matcher criteria = CRITERION.matcher(yaml);
        assertThat(criteria.find()).isTrue();
        Files.writeString(catalogues.resolve("2023.yaml"), criteria.replaceAll("$1$2" + REWORDED), StandardCharsets.UTF_8);
        app = start();
        String swapped = Files.readString(Path.of("processes/GradeDecision.dmn"), StandardCharsets.UTF_8)
                .replace("<text>\"优秀\"</text>", "<text>\"TMP\"</text>").replace("<text>\"不合格\"</text>", "<text>\"优秀\"</text>")
                .replace("<text>\"TMP\"</text>", "<text>\"不合格\"</text>")
                .replace("<text>\"良好\"</text>", "<text>\"TMP\"</text>").replace("<text>\"合格\"</text>", "<text>\"良好\"</text>")
                .replace("<text>\"TMP\"</text>", "<text>\"合格\"</text>");
        app.getBean(RepositoryService.class).createDeployment().name("other-cut-offs")
                .addString("GradeDecision.dmn", swapped).deploy();

        // then pricing the same facts now gives other words and another grade (so the changes are real) ...
        ScoreSheet repriced = app.getBean(CampaignScoring.class).currentSheet(id, "waitan");
        assertThat(repriced.grade()).isNotEqualTo(published.grade());
        assertThat(repriced.indicators().stream().flatMap(i -> i.explanation().stream())
                .filter(e -> e.text().contains(REWORDED))).isNotEmpty();

        // ... and yet every channel shows exactly what was published
        Channels after = channels(id);
        assertThat(after.page()).isEqualTo(before.page());
        assertThat(after.pdf()).isEqualTo(before.pdf());
        assertThat(after.xlsx()).isEqualTo(before.xlsx());
        assertThat(after.publicList()).isEqualTo(before.publicList());
        assertThat(after.publicSheet()).isEqualTo(before.publicSheet());
        assertThat(after.page()).doesNotContain(REWORDED).contains(published.grade())
                .contains("考核等次表第" + published.gradeTableVersion() + "版");
        assertThat(app.getBean(RepositoryService.class).createDecisionDefinitionQuery().decisionDefinitionKey("GradeDecision")
                .latestVersion().singleResult().getVersion()).isGreaterThan(published.gradeTableVersion());
        assertThat(after.pdf()).doesNotContain(REWORDED).contains("考核等次：" + published.grade());

        // and the public list and the public sheet agree with each other and with the result
        Document list = Jsoup.parse(after.publicList());
        String row = list.select("tr[data-unit=waitan]").text();
        assertThat(row).contains(published.total().toPlainString()).contains(published.grade());
        Document sheet = Jsoup.parse(after.publicSheet());
        assertThat(sheet.select(".card").text()).contains("总分 " + published.total().toPlainString() + " 分")
                .contains("考核等次 " + published.grade());
    }

    /** One run of the application on the test's database, reading catalogues from the test's folder. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AssessmentApplication.class).profiles("demo", "test").run(
                "--spring.datasource.url=" + database, "--server.port=0",
                "--assessment.catalogue-location=" + catalogues.toUri() + "/",
                "--spring.application.name=published-sheets", "--camunda.bpm.process-engine-name=published-sheets");
    }

    private Long publishCampaign() {
        CampaignStarter starter = app.getBean(CampaignStarter.class);
        CampaignBots bots = app.getBean(CampaignBots.class);
        ProcessDriver driver = new ProcessDriver(app.getBean(ManagementService.class));
        Random random = new Random(15);
        Long id = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("waitan", "yuyuan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER).id();
        driver.runJobs();
        for (String unit : List.of("waitan", "yuyuan")) {
            bots.fillSelfCheck(id, unit, random);
            bots.submitSelfCheck(id, unit);
            driver.runJobs();
            bots.verify(id, unit, random);
        }
        bots.deliver(id, "FINANCE", random);
        driver.runJobs();
        bots.evaluateComprehensively(id, random);
        driver.runJobs();
        bots.approve(id);
        driver.runJobs();
        assertThat(app.getBean(CampaignService.class).get(id).status()).isEqualTo(CampaignStatus.PUBLISHED);
        return id;
    }

    /** What each channel shows of the published sheet, without what changes on every request. */
    private record Channels(String page, String pdf, List<String> xlsx, String publicList, String publicSheet) {
    }

    private Channels channels(Long id) throws Exception {
        String page = Jsoup.parse(text("/app/results/" + id + "/waitan", "waitan01")).select("section").outerHtml();
        String pdf;
        try (PDDocument document = Loader.loadPDF(bytes("/app/results/" + id + "/waitan.pdf", "waitan01"))) {
            // the time the PDF was made is the one thing on it that is not the sheet's (wrapped onto the next line
            // when the line is long); two renders a minute apart must still compare equal
            pdf = new PDFTextStripper().getText(document)
                    .replaceAll("生成时间：[^\\n]*(\\R\\s*\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2})?", "");
        }
        List<String> xlsx = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(
                bytes("/app/results/" + id + "/export.xlsx", "office01")))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(format.formatCellValue(cell));
                }
                xlsx.add(String.join(" | ", cells));
            }
        }
        assertThat(xlsx).hasSize(3);
        String publicList = Jsoup.parse(text("/public/results/" + id, null)).select("section").outerHtml();
        String publicSheet = Jsoup.parse(text("/public/results/" + id + "/waitan", null)).select("section").outerHtml();
        return new Channels(page, pdf, xlsx, publicList, publicSheet);
    }

    private String text(String path, String user) throws IOException, InterruptedException {
        return new String(bytes(path, user), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String path, String user) throws IOException, InterruptedException {
        int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
