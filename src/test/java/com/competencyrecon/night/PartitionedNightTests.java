package com.competencyrecon.night;

import com.competencyrecon.restart.H2InsertFault;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import com.competencyrecon.system.Partitions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluation and alerts split into partitions on the embedded database (H2 in MySQL mode): the bundled sample
 * programme's three nights (a full night, then incremental ones) give the committed reports byte for byte with
 * one, two and four partitions, and the same summary; a partition that fails is the only one a restart runs; and a
 * partition run by a process that resolves the night to another catalogue fails.
 */
@SpringBootTest(properties = {"recon.roots=/", "recon.chunk-size=2"})
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class PartitionedNightTests {

    static final List<String> NIGHTS = List.of("2026-11-23", "2026-11-24", "2026-11-25");
    static final List<String> CSV_REPORTS = List.of("competency-status.csv", "alerts.csv", "membership-expiry.csv",
            "marketing-profile.csv", "rejects.csv");
    static final Path SAMPLE = Path.of("sample-data/nights");
    static final Path GOLDEN = Path.of("src/test/resources/sample-programme");
    static final String H2 = ";MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1";

    /** Each partition count's summaries, night by night, up to the steps' timings. */
    static final Map<Integer, Map<String, String>> SUMMARIES = new TreeMap<>();

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class SampleNights {

        @Autowired
        NightRunner runner;

        @Autowired
        JdbcTemplate jdbc;

        @TempDir
        Path root;

        abstract int partitions();

        @Test
        @Order(1)
        void theNightsGiveTheCommittedReports() throws IOException {
            Databases.reset(jdbc);
            NightHarness nights = new NightHarness(runner, root);
            Map<String, String> summaries = new LinkedHashMap<>();
            for (String night : NIGHTS) {
                NightRunner.Outcome outcome = nights.run(night, SAMPLE.resolve(night));
                assertThat(outcome.completed()).as(night).isTrue();
                for (String step : List.of("evaluateCompetencies", "deriveAlerts")) {
                    List<StepExecution> parts = partitionsOf(outcome, step);
                    assertThat(parts).extracting(StepExecution::getStepName).as(night + " " + step)
                            .containsExactlyInAnyOrderElementsOf(IntStream.range(0, partitions())
                                    .mapToObj(i -> step + ":partition" + i).toList());
                    assertThat(parts.stream().mapToLong(StepExecution::getReadCount).sum())
                            .as("the step's count is its partitions'").isEqualTo(step(outcome, step).getReadCount());
                }
                for (String report : CSV_REPORTS) {
                    assertThat(new String(nights.reportBytes(night, report), StandardCharsets.UTF_8))
                            .as(partitions() + " partitions, " + night + "/" + report)
                            .isEqualTo(Files.readString(GOLDEN.resolve(night).resolve(report)));
                }
                String summary = new String(nights.reportBytes(night, "summary.html"), StandardCharsets.UTF_8);
                String steps = summary.substring(summary.indexOf("<h2>Steps</h2>"));
                assertThat(steps).as("the summary lists the night's steps, not their partitions")
                        .contains("evaluateCompetencies", "deriveAlerts").doesNotContain(Partitions.SEPARATOR + "partition");
                summaries.put(night, summary.substring(0, summary.indexOf("<h2>Steps</h2>")));
            }
            assertThat(step(nights.run(NIGHTS.get(0), SAMPLE.resolve(NIGHTS.get(0))), "evaluateCompetencies"))
                    .as("night 1 is done").isNull();
            SUMMARIES.put(partitions(), summaries);
            SUMMARIES.values().forEach(other -> assertThat(summaries).isEqualTo(other));
        }
    }

    @Nested
    @Order(1)
    @TestPropertySource(properties = {"recon.partitions=1", "spring.datasource.url=jdbc:h2:mem:partitioned1" + H2})
    class OnePartition extends SampleNights {
        @Override
        int partitions() {
            return 1;
        }
    }

    @Nested
    @Order(2)
    @TestPropertySource(properties = {"recon.partitions=2", "spring.datasource.url=jdbc:h2:mem:partitioned2" + H2})
    class TwoPartitions extends SampleNights {
        @Override
        int partitions() {
            return 2;
        }
    }

    @Nested
    @Order(3)
    @TestPropertySource(properties = {"recon.partitions=4", "spring.datasource.url=jdbc:h2:mem:partitioned4" + H2})
    class FourPartitions extends SampleNights {
        @Override
        int partitions() {
            return 4;
        }

        @Test
        @Order(2)
        void everyCountGaveTheSameSummaries() {
            // The classes before ran with one and two partitions: their summaries are those of four.
            assertThat(SUMMARIES).containsKeys(1, 2, 4);
        }

        @Autowired
        JdbcTemplate faults;

        @AfterEach
        void dropFault() {
            faults.execute("DROP TRIGGER IF EXISTS test_fault_competency_result");
            faults.execute("DROP TABLE IF EXISTS test_fault");
        }

        @Test
        @Order(3)
        void aFailedPartitionIsTheOnlyOneTheRestartRuns() throws IOException {
            Databases.reset(jdbc);
            faults.execute("CREATE TABLE test_fault (target_table VARCHAR(64) NOT NULL,"
                    + " target_column VARCHAR(64) NOT NULL, target_value VARCHAR(64) NOT NULL)");
            faults.execute("CREATE TRIGGER test_fault_competency_result BEFORE INSERT ON competency_result"
                    + " FOR EACH ROW CALL '" + H2InsertFault.class.getName() + "'");
            // Twenty organisations in four partitions of five, two a chunk: ORG-013 is in the second chunk of the
            // third partition (ORG-011 to ORG-015).
            faults.update("INSERT INTO test_fault VALUES ('competency_result', 'org_id', 'ORG-013')");
            NightHarness nights = new NightHarness(runner, root);
            String night = NIGHTS.get(0);

            NightRunner.Outcome failed = nights.run(night, SAMPLE.resolve(night));

            assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(step(failed, "evaluateCompetencies").getStatus()).isEqualTo(BatchStatus.FAILED);
            Map<String, BatchStatus> statuses = new TreeMap<>();
            partitionsOf(failed, "evaluateCompetencies").forEach(p -> statuses.put(p.getStepName(), p.getStatus()));
            assertThat(statuses).containsExactly(
                    Map.entry("evaluateCompetencies:partition0", BatchStatus.COMPLETED),
                    Map.entry("evaluateCompetencies:partition1", BatchStatus.COMPLETED),
                    Map.entry("evaluateCompetencies:partition2", BatchStatus.FAILED),
                    Map.entry("evaluateCompetencies:partition3", BatchStatus.COMPLETED));
            assertThat(step(failed, "evaluateCompetencies:partition2").getCommitCount()).isEqualTo(1);
            assertThat(step(failed, "deriveAlerts")).as("no step runs after the failed one").isNull();

            faults.update("DELETE FROM test_fault");
            NightRunner.Outcome restarted = nights.run(night, SAMPLE.resolve(night));

            assertThat(restarted.completed()).isTrue();
            assertThat(partitionsOf(restarted, "evaluateCompetencies")).as("only the failed partition runs again")
                    .extracting(StepExecution::getStepName).containsExactly("evaluateCompetencies:partition2");
            assertThat(step(restarted, "evaluateCompetencies:partition2").getReadCount())
                    .as("from its last committed chunk: ORG-013 to ORG-015").isEqualTo(3);
            assertThat(partitionsOf(restarted, "deriveAlerts")).hasSize(4);
            for (String report : CSV_REPORTS) {
                assertThat(new String(nights.reportBytes(night, report), StandardCharsets.UTF_8)).as(report)
                        .isEqualTo(Files.readString(GOLDEN.resolve(night).resolve(report)));
            }
        }
    }

    @Nested
    @Order(4)
    @TestPropertySource(properties = {"recon.partitions=2", "spring.datasource.url=jdbc:h2:mem:partitioned2" + H2})
    class AnotherProcess {

        @Autowired
        NightRunner runner;

        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        JobRepository jobRepository;

        @Autowired
        BeanFactory beans;

        @TempDir
        Path root;

        @Test
        void aPartitionRunByAProcessThatResolvesTheNightDifferentlyFails() {
            Databases.reset(jdbc);
            NightHarness nights = new NightHarness(runner, root);
            NightRunner.Outcome night = nights.run(NIGHTS.get(0), SAMPLE.resolve(NIGHTS.get(0)));
            assertThat(night.completed()).isTrue();
            StepExecution partition = step(night, "evaluateCompetencies:partition1");
            // What a worker whose catalogue file was edited since the manager resolved it would find.
            JobExecution run = jobRepository.getJobExecution(night.execution().getId());
            run.getExecutionContext().putString("night.fingerprint", "another catalogue|UTC|PT24H");
            jobRepository.updateExecutionContext(run);

            // The partition as a worker runs it: the request its manager would send, through the same handler.
            BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
            steps.setBeanFactory(beans);
            StepExecutionRequestHandler worker = new StepExecutionRequestHandler();
            worker.setStepLocator(steps);
            worker.setJobRepository(jobRepository);
            StepExecution rerun = worker.handle(new StepExecutionRequest("evaluateCompetenciesPartition",
                    partition.getId()));

            assertThat(rerun.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(rerun.getFailureExceptions()).extracting(NightRunner::rootMessage)
                    .anyMatch(m -> m.contains("another catalogue, zone or latency"));
        }
    }

    static List<StepExecution> partitionsOf(NightRunner.Outcome outcome, String step) {
        return outcome.execution().getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(step + Partitions.SEPARATOR)).toList();
    }

    static StepExecution step(NightRunner.Outcome outcome, String name) {
        if (outcome.execution() == null) {
            return null;
        }
        return outcome.execution().getStepExecutions().stream().filter(s -> s.getStepName().equals(name))
                .findFirst().orElse(null);
    }
}
