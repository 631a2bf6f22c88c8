package cn.huangpu.assessment.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class CataloguesTests {

    @Test
    void loadsEveryYearOfTheConfiguredLocation() {
        Catalogues catalogues = new Catalogues(new CatalogueProperties("classpath:catalogues/"),
                new PathMatchingResourcePatternResolver());

        assertThat(catalogues.years()).contains(2023);
    }

    @Test
    void aMalformedCatalogueStopsStartupNamingTheIndicatorAndTheProblem() {
        // given a 2023 catalogue whose 4.13 ratio names an input that does not exist
        CatalogueProperties broken = new CatalogueProperties("classpath:broken-catalogues/");

        // when the catalogues are loaded (as at startup), then loading fails and says where and what
        assertThatThrownBy(() -> new Catalogues(broken, new PathMatchingResourcePatternResolver()))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("指标 4.13 以案促改")
                .hasMessageContaining("引用了未定义的输入项 'requestsHandeld'");
    }
}
