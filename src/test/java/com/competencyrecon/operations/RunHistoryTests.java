package com.competencyrecon.operations;

import com.competencyrecon.night.NightParameters;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.NightlyJobConfig;
import com.competencyrecon.night.Refusal;
import com.competencyrecon.support.Databases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A long history is read a page of nights at a time, newest first, and the date-order checks still hold. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:history;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunHistoryTests {

    static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    static final int NIGHTS = 45;

    @Autowired
    RunHistory history;

    @Autowired
    OperatorCommands commands;

    @Autowired
    NightRunner runner;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    /** Run ids, oldest first: every fifth night failed once before it completed, so it has two runs. */
    final List<Long> runs = new ArrayList<>();

    @BeforeAll
    void fortyFiveNights() {
        Databases.reset(jdbc);
        for (int n = 0; n < NIGHTS; n++) {
            LocalDate date = FIRST.plusDays(n);
            JobParameters parameters = new JobParametersBuilder()
                    .addString(NightParameters.BUSINESS_DATE, date.toString(), true).toJobParameters();
            JobInstance instance = jobRepository.createJobInstance(NightlyJobConfig.JOB_NAME, parameters);
            if (n % 5 == 0) {
                runs.add(ended(instance, parameters, BatchStatus.FAILED));
            }
            runs.add(ended(instance, parameters, BatchStatus.COMPLETED));
        }
    }

    private long ended(JobInstance instance, JobParameters parameters, BatchStatus status) {
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(status);
        execution.setExitStatus(status == BatchStatus.COMPLETED ? ExitStatus.COMPLETED : ExitStatus.FAILED);
        execution.setEndTime(LocalDateTime.now());
        jobRepository.update(execution);
        return execution.getId();
    }

    @Test
    void theFirstPageHoldsTheNewestNightsNewestRunFirst() {
        RunHistory.Page page = history.page(null, 0, 20);

        assertThat(page.totalNights()).isEqualTo(NIGHTS);
        assertThat(page.hasNext()).isTrue();
        assertThat(page.runs().stream().map(RunView::businessDate).distinct()).hasSize(20);
        assertThat(page.runs()).extracting(RunView::businessDate)
                .startsWith(FIRST.plusDays(NIGHTS - 1).toString()).endsWith(FIRST.plusDays(NIGHTS - 20).toString());
        assertThat(page.runs()).extracting(RunView::id).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .first().isEqualTo(runs.get(runs.size() - 1));
    }

    @Test
    void theLastPageHoldsTheOldestNightsWithAllTheirRuns() {
        RunHistory.Page page = history.page(null, 2, 20);

        assertThat(page.hasNext()).isFalse();
        // Nights 0 to 4 of the history: night 0 failed once, so six runs, the oldest run last.
        assertThat(page.runs()).extracting(RunView::businessDate).containsExactly("2026-01-05", "2026-01-04",
                "2026-01-03", "2026-01-02", "2026-01-01", "2026-01-01");
        assertThat(page.runs()).extracting(RunView::status).endsWith("COMPLETED", "FAILED");
        assertThat(page.runs().get(page.runs().size() - 1).id()).isEqualTo(runs.get(0));
        assertThat(history.page(null, 3, 20).runs()).isEmpty();
    }

    @Test
    void everyRunIsOnExactlyOnePage() {
        List<Long> seen = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            history.page(null, p, 10).runs().forEach(r -> seen.add(r.id()));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(runs).doesNotHaveDuplicates();
    }

    @Test
    void aBusinessDateSelectsThatNightsRuns() {
        RunHistory.Page page = history.page("2026-01-11", 0, 20);

        assertThat(page.runs()).extracting(RunView::status).containsExactly("COMPLETED", "FAILED");
        assertThat(page.totalNights()).isEqualTo(1);
        assertThat(history.page("2025-12-31", 0, 20).runs()).isEmpty();
    }

    @Test
    void badPagesAndDatesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> history.page(null, -1, 20)).hasMessageContaining("pages count from 0");
        assertThatThrownBy(() -> history.page(null, 0, 0)).hasMessageContaining("1 to 100 nights");
        assertThatThrownBy(() -> history.page("11/01/2026", 0, 20)).hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void theRunsCommandPrintsAPageAndPointsToTheNext() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = commands.run("runs", Map.of("page", "1", "size", "10"), "reports",
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(12).first().asString().startsWith(runs.get(runs.size() - 13) + "\t2026-02-04\tCOMPLETED");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("45 nights in all; older ones with page=2");
    }

    @Test
    void theDateOrderChecksStillSeeTheNewestNight() throws Exception {
        Path input = Files.createDirectories(root.resolve("in"));

        Refusal earlier = runner.refusal("2025-12-31", input.toString(), root.toString(), null);
        assertThat(earlier.reason()).isEqualTo(Refusal.Reason.OUT_OF_ORDER);
        assertThat(earlier.message()).contains("the later night 2026-02-14 has already run");
        assertThat(runner.refusal("2026-02-15", input.toString(), root.toString(), null)).isNull();

        JobExecution newest = jobRepository.getJobExecution(runs.get(runs.size() - 1));
        newest.setStatus(BatchStatus.FAILED);
        jobRepository.update(newest);
        try {
            assertThat(runner.refusal("2026-02-15", input.toString(), root.toString(), null).message())
                    .contains("the earlier night 2026-02-14 has not completed");
        } finally {
            newest.setStatus(BatchStatus.COMPLETED);
            jobRepository.update(newest);
        }
    }
}
