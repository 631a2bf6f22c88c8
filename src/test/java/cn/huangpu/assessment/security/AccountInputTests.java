package cn.huangpu.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.support.EngineRest;
import cn.huangpu.assessment.support.WebIntegrationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person's own profile, saved through the engine's REST API as the Tasklist's profile page does: what the
 * engine's columns cannot hold, or a control character, is refused with 400 naming the field, and nothing changes.
 */
@WebIntegrationTest
class AccountInputTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    String userId;

    @BeforeEach
    void createAccount() {
        userId = "profile" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        User user = identity.newUser(userId);
        user.setFirstName("外滩");
        user.setLastName("街道");
        user.setPassword("profile-secret");
        identity.saveUser(user);
    }

    @ParameterizedTest
    @CsvSource({"firstName, 名, 300", "lastName, 姓, 256", "email, 电子邮箱, 300", "firstName, 名, control"})
    void aProfileFieldTheEngineCannotHoldIsRefusedNamingTheField(String field, String label, String kind)
            throws Exception {
        // when the user saves the profile with that field too long, or with a control character
        String value = kind.equals("control") ? "外\u0001滩" : "名".repeat(Integer.parseInt(kind));
        Map<String, String> profile = new java.util.HashMap<>(Map.of("id", userId, "firstName", "外滩",
                "lastName", "街道"));
        profile.put(field, value);
        HttpResponse<String> answer = saveProfile(profile);

        // then it is refused with 400 naming the field, and the profile is unchanged
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("message").asText()).startsWith("“" + label + "”")
                .contains(kind.equals("control") ? "控制字符" : "最多255个字符");
        User stored = identity.createUserQuery().userId(userId).singleResult();
        assertThat(stored.getFirstName()).isEqualTo("外滩");
        assertThat(stored.getLastName()).isEqualTo("街道");
        assertThat(stored.getEmail()).isNull();
    }

    @Test
    void aProfileWithinTheLimitsIsSaved() throws Exception {
        HttpResponse<String> answer = saveProfile(Map.of("id", userId, "firstName", "名".repeat(255),
                "lastName", "街道", "email", "waitan@example.org"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        assertThat(identity.createUserQuery().userId(userId).singleResult().getFirstName()).hasSize(255);
    }

    private HttpResponse<String> saveProfile(Map<String, String> profile) throws Exception {
        return EngineRest.as(port, userId, "profile-secret").put("/engine-rest/user/" + userId + "/profile",
                JSON.writeValueAsString(profile));
    }
}
