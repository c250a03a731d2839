package com.competencyrecon.reports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Page file names: safe on every file system, inside their folder, distinct for distinct ids. */
class PageNamesTests {

    @Test
    void plainIdsKeepTheirName() {
        assertThat(PageNames.pageOf("ORG-001")).isEqualTo("organisations/ORG-001.html");
    }

    @Test
    void everyOtherCharacterIsEncodedSoNoIdClimbsOutOfTheFolder() {
        assertThat(PageNames.fileOf("../etc/passwd")).isEqualTo("_2E_2E_2Fetc_2Fpasswd.html");
        assertThat(PageNames.fileOf("a b_c")).isEqualTo("a_20b_5Fc.html");
        assertThat(PageNames.fileOf("Kraków")).isEqualTo("Krak_C3_B3w.html");
        assertThat(PageNames.fileOf("a_2F")).isNotEqualTo(PageNames.fileOf("a/"));
    }

    @Test
    void aVeryLongIdKeepsAPrefixAndAHash() {
        String id = "ü".repeat(64);
        String other = "ü".repeat(63) + "ä";
        assertThat(PageNames.fileOf(id)).hasSizeLessThan(100).matches("[A-Za-z0-9_~-]+\\.html")
                .isNotEqualTo(PageNames.fileOf(other));
    }
}
