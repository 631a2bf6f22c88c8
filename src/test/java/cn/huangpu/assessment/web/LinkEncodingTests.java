package cn.huangpu.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.huangpu.assessment.demo.CampaignBots;
import cn.huangpu.assessment.support.H2IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * A page's links are not looked up as static resources on every render (see {@link LinkEncodingConfiguration}), and
 * the scripts the layout links without a version still load.
 */
@H2IntegrationTest
@AutoConfigureMockMvc
class LinkEncodingTests {

    @Autowired MockMvc mvc;
    @Autowired List<FilterRegistrationBean<?>> filters;

    @Test
    void noFilterRewritesLinksAndTheWebjarScriptLoadsWithoutItsVersion() throws Exception {
        // given the application's registered filters
        // then none that rewrites links through the resource chain is on
        assertThat(filters).filteredOn(f -> f.getFilter() instanceof ResourceUrlEncodingFilter)
                .isNotEmpty().allSatisfy(f -> assertThat(f.isEnabled()).isFalse());

        // when a page is rendered, then it links htmx by the path without a version, and that path serves the script
        String page = mvc.perform(get("/app").with(httpBasic(CampaignBots.COORDINATOR_USER, "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/webjars/htmx.org/dist/htmx.min.js");
        String script = mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(script).contains("htmx");
    }
}
