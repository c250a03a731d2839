package com.competencyrecon.night;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.LoadedCatalog;
import com.competencyrecon.evaluation.AsOf;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What every step of one job execution shares: its date and instants, its folders and its catalogue. A
 * job-scoped bean, so the catalogue is resolved once per execution and a file edited mid-night cannot give
 * ingest and evaluation different catalogues.
 */
public class Night {

    private final LocalDate businessDate;
    private final Path inputDir;
    private final Path reportDir;
    private final LoadedCatalog catalog;
    private final AsOf asOf;
    private final Instant cutoff;

    public Night(LocalDate businessDate, Path inputDir, Path reportDir, LoadedCatalog catalog, AsOf asOf,
                 Instant cutoff) {
        this.businessDate = businessDate;
        this.inputDir = inputDir;
        this.reportDir = reportDir;
        this.catalog = catalog;
        this.asOf = asOf;
        this.cutoff = cutoff;
    }

    public LocalDate businessDate() {
        return businessDate;
    }

    public Path inputDir() {
        return inputDir;
    }

    public Path reportDir() {
        return reportDir;
    }

    public Catalog catalog() {
        return catalog.catalog();
    }

    /** The fingerprint of the catalogue's bytes, to tell a changed catalogue from the previous night's. */
    public String catalogFingerprint() {
        return catalog.fingerprint();
    }

    /** The moment the night's evaluation speaks of. */
    public AsOf asOf() {
        return asOf;
    }

    /** The night's cut-off: records dated after it are rejected. */
    public Instant cutoff() {
        return cutoff;
    }
}
