package cn.huangpu.assessment.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.huangpu.assessment.campaign.process.CampaignStarter;
import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.ProcessDriver;
import cn.huangpu.assessment.support.TestUsers;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.FileSystemUtils;

/** PostgreSQL restarted while the application runs: health goes DOWN, then UP again, and work resumes. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"postgres", "test"})
@Import(DatabaseRestartPostgresTests.RestartablePostgres.class)
@DirtiesContext
class DatabaseRestartPostgresTests {

    /** A PostgreSQL server on a fixed port and data directory, so that it can be stopped and started again. */
    @TestConfiguration(proxyBeanMethods = false)
    static class RestartablePostgres {

        static final Path DATA;
        static final int PORT;
        static EmbeddedPostgres server;

        static {
            try (ServerSocket socket = new ServerSocket(0)) {
                PORT = socket.getLocalPort();
                DATA = Files.createTempDirectory("restartable-postgres-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static EmbeddedPostgres start(boolean clean) throws IOException {
            server = EmbeddedPostgres.builder().setPort(PORT).setDataDirectory(DATA).setCleanDataDirectory(clean)
                    .setRegisterShutdownHook(false).start();
            return server;
        }

        @Bean(destroyMethod = "")
        EmbeddedPostgres restartablePostgres() throws IOException {
            // not "clean": a clean server deletes its data directory when it stops, and the restart needs it
            return start(false);
        }

        @Bean(destroyMethod = "close")
        DataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            dataSource.setUsername("postgres");
            dataSource.setMaximumPoolSize(5);
            dataSource.setConnectionTimeout(2_000);
            dataSource.setValidationTimeout(1_000);
            return dataSource;
        }
    }

    @Autowired MockMvc mvc;
    @Autowired CampaignStarter starter;
    @Autowired CampaignService campaigns;
    @Autowired ProcessDriver driver;

    @Test
    void healthFollowsTheDatabaseAndWorkResumes() throws Exception {
        assertThat(health()).isEqualTo(200);

        RestartablePostgres.server.close();
        awaitHealth(503);

        RestartablePostgres.start(false);
        try {
            awaitHealth(200);
            CampaignInfo campaign = starter.start(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                    List.of("waitan"), List.of("FINANCE")), CampaignBots.COORDINATOR_USER);
            driver.runJobs();
            assertThat(campaigns.units(campaign.id())).singleElement().extracting(UnitParticipation::launched).isEqualTo(true);
        } finally {
            RestartablePostgres.server.close();
            FileSystemUtils.deleteRecursively(RestartablePostgres.DATA);
        }
    }

    private int health() throws Exception {
        return mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus();
    }

    private void awaitHealth(int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (health() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("health did not become " + status);
            }
            Thread.sleep(250);
        }
    }
}
