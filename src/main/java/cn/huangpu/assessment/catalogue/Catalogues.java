package cn.huangpu.assessment.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The catalogues of every year, read and validated once at startup. A malformed catalogue stops the
 * application with a {@link CatalogueException} that names the indicator and the problem.
 */
@Component
public class Catalogues {

    private final Map<Integer, Catalogue> byYear;

    Catalogues(CatalogueProperties properties, ResourcePatternResolver resolver) {
        Map<Integer, Catalogue> loaded = new TreeMap<>();
        try {
            for (Resource resource : resolver.getResources(properties.catalogueLocation() + "*.yaml")) {
                try (InputStream in = resource.getInputStream()) {
                    Catalogue catalogue = CatalogueReader.read(in, resource.getFilename());
                    if (!(catalogue.year() + ".yaml").equals(resource.getFilename())) {
                        throw new CatalogueException("指标目录 " + resource.getFilename() + "：文件名须与年度 "
                                + catalogue.year() + " 一致");
                    }
                    loaded.put(catalogue.year(), catalogue);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalogues from " + properties.catalogueLocation(), e);
        }
        if (loaded.isEmpty()) {
            throw new CatalogueException("在 " + properties.catalogueLocation() + " 下没有找到指标目录");
        }
        this.byYear = Collections.unmodifiableMap(loaded);
    }

    public Optional<Catalogue> forYear(int year) {
        return Optional.ofNullable(byYear.get(year));
    }

    public SortedSet<Integer> years() {
        return new TreeSet<>(byYear.keySet());
    }
}
