package com.competencyrecon.guarantees;

import com.competencyrecon.benchmark.ProgrammeGenerator;
import com.competencyrecon.benchmark.ProgrammeSize;
import com.competencyrecon.support.MySqlTestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny generated programme's first night and what an uninterrupted run of it leaves, run once by the packaged
 * jar on MariaDB for every guarantee test of the JVM that compares an interrupted night against it (their nights
 * read the same feed folder with the same settings, so they must end the same).
 */
final class ReferenceNight {

    /** Where the feeds, the reference run and the tests' own runs live; the roots the jar is allowed. */
    static final Path ROOT = Path.of("target", "guarantees").toAbsolutePath();
    /** Small chunks, so every step commits many times. */
    static final List<String> SETTINGS = List.of("--recon.chunk-size=5", "--recon.bulk-chunk-size=100");

    private static ProgrammeGenerator.Night night;
    private static Snapshot snapshot;

    private ReferenceNight() {
    }

    /** The night (generated on first use). */
    static synchronized ProgrammeGenerator.Night night() throws Exception {
        if (night == null) {
            NightProcess.deleteTree(ROOT);
            night = new ProgrammeGenerator(ProgrammeSize.TINY, 20_261_204L, 0.01).write(ROOT.resolve("feeds")).full();
        }
        return night;
    }

    /** What the uninterrupted night leaves: product tables and reports (run on first use). */
    static synchronized Snapshot uninterrupted() throws Exception {
        if (snapshot == null) {
            ProgrammeGenerator.Night n = night();
            Path dir = Files.createDirectories(ROOT.resolve("reference"));
            String url = MySqlTestDatabase.create("reference");
            NightProcess reference = NightProcess.start(ROOT, dir, url, MySqlTestDatabase.user(),
                    MySqlTestDatabase.password(), n.date(), n.dir(), dir.resolve("reports"), SETTINGS, "reference");
            assertThat(reference.waitFor(5)).as("the uninterrupted night; its log ends:%n%s", reference.tail()).isZero();
            snapshot = snapshot(url, dir.resolve("reports"));
        }
        return snapshot;
    }

    static Snapshot snapshot(String url, Path reportDir) throws Exception {
        try (Connection c = DriverManager.getConnection(url, MySqlTestDatabase.user(), MySqlTestDatabase.password())) {
            return Snapshot.of(c, reportDir);
        }
    }
}
