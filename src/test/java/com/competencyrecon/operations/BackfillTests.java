package com.competencyrecon.operations;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.Refusal;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

import static com.competencyrecon.support.FeedHeaders.ORGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A backfill runs a range of nights in date order, skips completed ones and stops at the first that does not complete. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:backfill;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/"})
class BackfillTests {

    @Autowired
    Backfill backfill;

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    java.nio.file.Path root;

    NightHarness nights;

    @BeforeEach
    void setUp() {
        Databases.reset(jdbc);
        nights = new NightHarness(runner, root);
        for (String date : List.of("2026-11-20", "2026-11-21", "2026-11-22")) {
            nights.feed(date, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US");
        }
    }

    private List<Backfill.Night> range(String from, String to) {
        return Backfill.range(from, to, root.resolve("in").toString());
    }

    private Backfill.Result run(String from, String to) {
        return backfill.run(range(from, to), nights.reportDir().toString(), null);
    }

    private List<String> runDates() {
        return jdbc.queryForList("""
                SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p
                  ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'businessDate'
                ORDER BY e.JOB_EXECUTION_ID""", String.class);
    }

    @Nested
    class Range {

        @Test
        void theNightsRunInDateOrderAndAllComplete() {
            Backfill.Result result = run("2026-11-20", "2026-11-22");

            assertThat(result.exitCode()).isZero();
            assertThat(result.nights()).extracting(Backfill.NightResult::outcome)
                    .containsOnly(Backfill.Outcome.COMPLETED);
            assertThat(runDates()).containsExactly("2026-11-20", "2026-11-21", "2026-11-22");
            assertThat(nights.reportDir().toFile().list()).containsExactlyInAnyOrder("2026-11-20", "2026-11-21",
                    "2026-11-22");
        }

        @Test
        void completedNightsAreSkippedWithoutLookingAtTheirFolders() throws Exception {
            nights.run("2026-11-20");
            com.competencyrecon.reports.PublishedFolder.deleteTree(root.resolve("in/2026-11-20"));

            Backfill.Result result = run("2026-11-20", "2026-11-22");

            assertThat(result.exitCode()).isZero();
            assertThat(result.nights()).extracting(Backfill.NightResult::outcome).containsExactly(
                    Backfill.Outcome.SKIPPED, Backfill.Outcome.COMPLETED, Backfill.Outcome.COMPLETED);
            assertThat(runDates()).containsExactly("2026-11-20", "2026-11-21", "2026-11-22");
            assertThat(backfill.pending(range("2026-11-20", "2026-11-22"))).isEmpty();
        }

        @Test
        void pendingNamesTheNightsNotYetCompleted() {
            nights.run("2026-11-20");

            assertThat(backfill.pending(range("2026-11-20", "2026-11-22")))
                    .containsExactly(LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-22"));
        }

        @Test
        void fromAfterToIsRefused() {
            assertThatThrownBy(() -> range("2026-11-22", "2026-11-20"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("from 2026-11-22 is after to 2026-11-20");
        }

        @Test
        void aMalformedDateIsRefused() {
            assertThatThrownBy(() -> range("2026-11-20", "22/11/2026"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("to '22/11/2026' is not a date of the form YYYY-MM-DD");
        }
    }

    @Nested
    class Stopping {

        @Test
        void theFirstNightThatFailsStopsTheRestWithExitCodeOne() {
            nights.feed("2026-11-21", "users.csv", "user_id,org_id", "u1,O1");

            Backfill.Result result = run("2026-11-20", "2026-11-22");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.nights()).extracting(Backfill.NightResult::outcome).containsExactly(
                    Backfill.Outcome.COMPLETED, Backfill.Outcome.FAILED, Backfill.Outcome.NOT_RUN);
            assertThat(result.nights().get(1).message()).contains("users.csv: header lacks required column(s)");
            assertThat(result.nights().get(1).runId()).isNotNull();
            assertThat(runDates()).containsExactly("2026-11-20", "2026-11-21");
        }

        @Test
        void aRefusedNightStopsTheRestWithExitCodeTwo() throws Exception {
            com.competencyrecon.reports.PublishedFolder.deleteTree(root.resolve("in/2026-11-21"));

            Backfill.Result result = run("2026-11-20", "2026-11-22");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.nights()).extracting(Backfill.NightResult::outcome).containsExactly(
                    Backfill.Outcome.COMPLETED, Backfill.Outcome.REFUSED, Backfill.Outcome.NOT_RUN);
            assertThat(result.nights().get(1).message()).contains("inputDir");
            assertThat(runDates()).containsExactly("2026-11-20");
        }

        @Test
        void theRefusalOfTheFirstNightToRunIsKnownBeforeStarting() throws Exception {
            nights.run("2026-11-20");
            com.competencyrecon.reports.PublishedFolder.deleteTree(root.resolve("in/2026-11-21"));

            Refusal refusal = backfill.refusal(range("2026-11-20", "2026-11-22"), nights.reportDir().toString(), null);

            assertThat(refusal).isNotNull();
            assertThat(refusal.reason()).isEqualTo(Refusal.Reason.BAD_PARAMETERS);
            assertThat(runDates()).containsExactly("2026-11-20");
        }
    }
}
