package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every key of the 7.24 English locale of each Camunda webapp has a Chinese translation, and nothing more. */
class LocaleCoverageTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theChineseLocaleHasExactlyTheEnglishKeys(String app) throws IOException {
        String base = "META-INF/resources/webjars/camunda/app/" + app + "/locales/";
        Set<String> english = keys(read(base + "en.json"), "");
        Set<String> chinese = keys(read(base + "zh-CN.json"), "");

        assertThat(english).hasSizeGreaterThan(100);
        assertThat(chinese).containsExactlyInAnyOrderElementsOf(english);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chineseIsTheDefaultAndTheEndOfLifeBannerIsHidden(String app) throws IOException {
        String base = "META-INF/resources/webjars/camunda/app/" + app + "/";
        assertThat(text(base + "scripts/config.js")).contains("availableLocales: ['zh-CN']").contains("fallbackLocale: 'zh-CN'");
        assertThat(text(base + "styles/user-styles.css")).contains(".ce-eol-banner").contains("display: none");
        assertThat(read(base + "locales/zh-CN.json").at("/labels/BANNER_CE_EOL_TEXT").asText()).isEmpty();
    }

    private static Set<String> keys(JsonNode node, String prefix) {
        Set<String> keys = new TreeSet<>();
        node.properties().forEach(e -> {
            String key = prefix + e.getKey();
            if (e.getValue().isObject()) {
                keys.addAll(keys(e.getValue(), key + "."));
            } else {
                keys.add(key);
            }
        });
        return keys;
    }

    private static JsonNode read(String resource) throws IOException {
        String text = text(resource);
        return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(LocaleCoverageTests.class.getClassLoader().getResourceAsStream(resource),
                resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
