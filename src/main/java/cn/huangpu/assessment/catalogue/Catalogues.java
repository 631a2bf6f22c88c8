package cn.huangpu.assessment.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * application with a {@link CatalogueException} that names the indicator and the problem. Each has a
 * version: the SHA-256 of its file, so that any change of it, an explanation's wording included, is a new
 * version that the score sheets priced with it can name.
 */
@Component
public class Catalogues {

    private final Map<Integer, Catalogue> byYear;
    private final Map<Integer, String> versions;

    Catalogues(CatalogueProperties properties, ResourcePatternResolver resolver) {
        Map<Integer, Catalogue> loaded = new TreeMap<>();
        Map<Integer, String> digests = new TreeMap<>();
        try {
            for (Resource resource : resolver.getResources(properties.catalogueLocation() + "*.yaml")) {
                byte[] bytes;
                try (InputStream in = resource.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                Catalogue catalogue = CatalogueReader.read(new ByteArrayInputStream(bytes), resource.getFilename());
                if (!(catalogue.year() + ".yaml").equals(resource.getFilename())) {
                    throw new CatalogueException("指标目录 " + resource.getFilename() + "：文件名须与年度 "
                            + catalogue.year() + " 一致");
                }
                loaded.put(catalogue.year(), catalogue);
                digests.put(catalogue.year(), version(bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalogues from " + properties.catalogueLocation(), e);
        }
        if (loaded.isEmpty()) {
            throw new CatalogueException("在 " + properties.catalogueLocation() + " 下没有找到指标目录");
        }
        this.byYear = Collections.unmodifiableMap(loaded);
        this.versions = Collections.unmodifiableMap(digests);
    }

    private static String version(byte[] file) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    public Optional<Catalogue> forYear(int year) {
        return Optional.ofNullable(byYear.get(year));
    }

    /** The version of the year's catalogue as loaded: {@code sha256:} and the hex digest of its file. */
    public Optional<String> version(int year) {
        return Optional.ofNullable(versions.get(year));
    }

    public SortedSet<Integer> years() {
        return new TreeSet<>(byYear.keySet());
    }
}
