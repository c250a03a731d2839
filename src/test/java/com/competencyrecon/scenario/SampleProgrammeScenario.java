package com.competencyrecon.scenario;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.ExpectedOutcomes;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample programme, three nights in order, checked against the outcomes its generator
 * computed ({@code sample-data/EXPECTED.md}) and against the committed reports byte for byte, so that every
 * database gives the same files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SampleProgrammeScenario {

    static final List<String> NIGHTS = List.of("2026-11-23", "2026-11-24", "2026-11-25");
    static final List<String> CSV_REPORTS = List.of("competency-status.csv", "alerts.csv", "membership-expiry.csv",
            "marketing-profile.csv", "rejects.csv");
    static final Path SAMPLE = Path.of("sample-data/nights");
    static final Path GOLDEN = Path.of("src/test/resources/sample-programme");

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    NightHarness nights;
    Path root;
    ExpectedOutcomes expected;

    @BeforeAll
    void runTheNights() throws IOException {
        Databases.reset(jdbc);
        root = Files.createTempDirectory("sample-programme");
        nights = new NightHarness(runner, root);
        expected = ExpectedOutcomes.read(Path.of("sample-data/EXPECTED.md"));
        for (String night : NIGHTS) {
            NightRunner.Outcome outcome = nights.run(night, SAMPLE.resolve(night));
            assertThat(outcome.refusal()).as(night).isNull();
            assertThat(outcome.execution().getStatus()).as(night).isEqualTo(BatchStatus.COMPLETED);
        }
    }

    static Stream<String> nights() {
        return NIGHTS.stream();
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(1)
    void competencyStatusIsAsDesigned(String night) {
        expected.assertMatches(night, "competency-status", nights.report(night, "competency-status.csv"));
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(2)
    void marketingProfileIsAsDesigned(String night) {
        expected.assertMatches(night, "marketing-profile", nights.report(night, "marketing-profile.csv"));
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(3)
    void membershipExpiryIsAsDesigned(String night) {
        expected.assertMatches(night, "membership-expiry", nights.report(night, "membership-expiry.csv"));
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(4)
    void rejectsAreAsDesigned(String night) {
        expected.assertMatches(night, "rejects", nights.report(night, "rejects.csv"));
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(5)
    void alertsAreAsDesigned(String night) {
        expected.assertMatches(night, "alerts", nights.report(night, "alerts.csv"));
    }

    @Test
    @Order(6)
    void theMoveDropsTheOldOrganisationBelowItsDisplayedLevelAndNamesTheCause() {
        assertThat(nights.report("2026-11-24", "competency-status.csv"))
                .contains("ORG-008,Rheinwerk IT-Beratung GmbH,DATACENTER,NONE,,SILVER,SILVER,AT_RISK,1,2026-11-24");
        assertThat(nights.report("2026-11-24", "alerts.csv"))
                .anyMatch(l -> l.contains(",ORG-008,RENEWAL_AT_RISK,DATACENTER,SILVER,NEW,2026-11-24,MSA_MOVED:msa-0085,"));
    }

    @Test
    @Order(7)
    void theDepartureAndTheExpiryNameTheirCauses() {
        assertThat(nights.report("2026-11-25", "alerts.csv"))
                .anyMatch(l -> l.contains(",ORG-011,RENEWAL_AT_RISK,APPLICATION_DEVELOPMENT,SILVER,NEW,2026-11-25,USER_DELETED:u-0111,"))
                .anyMatch(l -> l.contains(",ORG-012,RENEWAL_AT_RISK,DATA_ANALYTICS,GOLD,NEW,2026-11-25,CREDENTIAL_EXPIRED:msa-0120/ASMT-BI,"));
    }

    @Test
    @Order(8)
    void everyNightPublishesTheSixReports() {
        for (String night : NIGHTS) {
            assertThat(nights.reportDir().resolve(night).toFile().list()).as(night).containsExactlyInAnyOrder(
                    "competency-status.csv", "alerts.csv", "membership-expiry.csv", "marketing-profile.csv",
                    "rejects.csv", "summary.html");
        }
        assertThat(nights.reportDir().toFile().list()).containsExactlyInAnyOrderElementsOf(NIGHTS);
    }

    @Test
    @Order(9)
    void theSummaryPageIsSelfContained() throws IOException {
        String html = Files.readString(nights.reportDir().resolve("2026-11-24/summary.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Competency reconciliation for 2026-11-24</h1>")
                .contains("msa-links.csv").contains("RENEWAL_AT_RISK").contains("DATACENTER")
                .doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<script");
    }

    @ParameterizedTest
    @MethodSource("nights")
    @Order(10)
    void reportsAreByteIdenticalToTheCommittedOnes(String night) throws IOException {
        for (String report : CSV_REPORTS) {
            Path golden = GOLDEN.resolve(night).resolve(report);
            byte[] actual = nights.reportBytes(night, report);
            if (Boolean.getBoolean("recon.golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.write(golden, actual);
            }
            assertThat(new String(actual, java.nio.charset.StandardCharsets.UTF_8)).as(night + "/" + report)
                    .isEqualTo(Files.readString(golden));
        }
    }
}
