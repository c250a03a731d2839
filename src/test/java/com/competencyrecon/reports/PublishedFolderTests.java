package com.competencyrecon.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A night's folder is replaced whole: readers see the old one or the new one, and no staging is left. */
class PublishedFolderTests {

    @TempDir
    Path reports;

    @Test
    void replacesAnEarlierFolderWholeAndLeavesNoStaging() throws IOException {
        Path target = reports.resolve("2026-11-24");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old-only.csv"), "old");

        Path staged = PublishedFolder.staging(reports, "2026-11-24");
        Files.writeString(staged.resolve("alerts.csv"), "new");
        PublishedFolder.publish(staged, target);

        assertThat(target.resolve("alerts.csv")).hasContent("new");
        assertThat(target.resolve("old-only.csv")).doesNotExist();
        assertThat(reports.toFile().list()).containsExactly("2026-11-24");
    }

    @Test
    void theStagingFolderIsHiddenBesideTheTarget() {
        Path staged = PublishedFolder.staging(reports, "2026-11-24");

        assertThat(staged.getParent()).isEqualTo(reports);
        assertThat(staged.getFileName().toString()).startsWith(".2026-11-24.writing-");
    }
}
