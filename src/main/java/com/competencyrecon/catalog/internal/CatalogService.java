package com.competencyrecon.catalog.internal;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.CatalogException;
import com.competencyrecon.catalog.CatalogLoader;
import com.competencyrecon.catalog.LoadedCatalog;

import com.competencyrecon.system.ReconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue a run evaluates against: the configured (or bundled) one, checked at start so that a bad
 * catalogue stops the program before anything runs, or the one a run names by parameter.
 */
@Service
public class CatalogService {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    private final LoadedCatalog configured;
    private final Map<Path, Loaded> byPath = new ConcurrentHashMap<>();

    public CatalogService(ReconProperties properties) {
        if (properties.catalog() == null || properties.catalog().isBlank()) {
            this.configured = CatalogLoader.loadDefaultWithFingerprint();
            log.info("Catalogue: the bundled default ({} competencies)", configured.catalog().competencies().size());
        } else {
            this.configured = CatalogLoader.loadWithFingerprint(Path.of(properties.catalog()));
            log.info("Catalogue: {} ({} competencies)", properties.catalog(),
                    configured.catalog().competencies().size());
        }
    }

    /** The catalogue of a run: the file it names, or the configured one when it names none. */
    public Catalog forRun(String catalogParameter) {
        return resolve(catalogParameter).catalog();
    }

    /** The catalogue of a run with the fingerprint of the bytes it was read from. */
    public LoadedCatalog resolve(String catalogParameter) {
        if (catalogParameter == null || catalogParameter.isBlank()) {
            return configured;
        }
        Path path = Path.of(catalogParameter).toAbsolutePath().normalize();
        FileTime modified = modified(path);
        Loaded loaded = byPath.get(path);
        if (loaded == null || !loaded.modified().equals(modified)) {
            loaded = new Loaded(CatalogLoader.loadWithFingerprint(path), modified);
            byPath.put(path, loaded);
        }
        return loaded.catalog();
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (java.io.IOException e) {
            throw new CatalogException(path + ": cannot read the catalogue (" + e.getMessage() + ")");
        }
    }

    private record Loaded(LoadedCatalog catalog, FileTime modified) {
    }
}
