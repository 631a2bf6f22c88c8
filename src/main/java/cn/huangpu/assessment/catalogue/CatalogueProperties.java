package cn.huangpu.assessment.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the year catalogues are read from.
 *
 * @param catalogueLocation a Spring resource location ending in '/', holding one {@code <year>.yaml} per year
 */
@ConfigurationProperties(prefix = "assessment")
public record CatalogueProperties(String catalogueLocation) {

    public CatalogueProperties {
        if (catalogueLocation == null || catalogueLocation.isBlank()) {
            catalogueLocation = "classpath:catalogues/";
        }
    }
}
