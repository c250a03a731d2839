package com.competencyrecon.cli;

import com.competencyrecon.night.NightlyJobConfig;
import com.competencyrecon.cli.CommandLine;
import com.competencyrecon.CompetencyReconApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The packaged program's command line: what it runs, what it refuses, and its exit codes. */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineTests {

    @TempDir
    Path dir;

    Path input;

    @BeforeEach
    void night() throws Exception {
        input = Files.createDirectories(dir.resolve("in"));
        Files.writeString(input.resolve("organizations.csv"), "org_id,name,market\nORG-1,Contoso,DEVELOPED\n");
        Files.writeString(input.resolve("users.csv"),
                "user_id,org_id,status,changed_at\nu1,ORG-1,ACTIVE,2026-01-01T00:00:00Z\n");
    }

    @Nested
    class OneNight {

        @Test
        void completedNightExitsZeroAndPublishesSixReports() {
            int code = run("businessDate=2026-11-24", "inputDir=" + input, "reportDir=" + dir.resolve("reports"));

            assertThat(code).isZero();
            assertThat(dir.resolve("reports/2026-11-24")).isDirectoryContaining("glob:**/competency-status.csv");
            assertThat(dir.resolve("reports/2026-11-24").toFile().list()).containsExactlyInAnyOrder(
                    "competency-status.csv", "alerts.csv", "membership-expiry.csv", "marketing-profile.csv",
                    "rejects.csv", "summary.html", "2026-11-24.xlsx");
        }

        @Test
        void relativePathsResolveAgainstTheWorkingDirectory() {
            Path cwd = Path.of("").toAbsolutePath();
            int code = runWithRoots(cwd + "," + dir, "businessDate=2026-11-24", "inputDir=" + cwd.relativize(input),
                    "reportDir=" + dir.resolve("reports"));

            assertThat(code).isZero();
        }

        @Test
        void aCompletedDateIsRefusedAndRecordsNoRun(CapturedOutput output) throws Exception {
            run("businessDate=2026-11-24", "inputDir=" + input, "reportDir=" + dir.resolve("reports"));

            int code = run("businessDate=2026-11-24", "inputDir=" + input, "reportDir=" + dir.resolve("reports"));

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("already COMPLETED");
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(1);
        }
    }

    @Nested
    class SampleNights {

        @Test
        void theNightsOfAFolderRunInOrderAndASecondStartSkipsThemAll(CapturedOutput output) throws Exception {
            Path nights = Files.createDirectories(dir.resolve("nights"));
            Files.createDirectories(nights.resolve("2026-11-24"));
            Files.writeString(nights.resolve("2026-11-24/organizations.csv"), "org_id,name,market\nORG-1,Contoso,DEVELOPED\n");
            Files.createDirectories(nights.resolve("2026-11-25"));
            Files.createDirectories(nights.resolve("not-a-night"));
            String reports = "--recon.report-dir=" + dir.resolve("reports");

            assertThat(runNights("--recon.nights=" + nights, reports)).isZero();
            assertThat(dir.resolve("reports").toFile().list()).containsExactlyInAnyOrder("2026-11-24", "2026-11-25");

            assertThat(runNights("--recon.nights=" + nights, reports)).isZero();
            assertThat(output).contains("Night 2026-11-24: the night 2026-11-24 already COMPLETED")
                    .contains("Night 2026-11-25: the night 2026-11-25 already COMPLETED");
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
        }
    }

    @Nested
    class Refusals {

        @Test
        void aMistypedParameterIsRefusedNamingTheOneMeant(CapturedOutput output) throws Exception {
            Files.writeString(dir.resolve("x.yml"), "version: 1\n");
            int code = run("businessDate=2026-11-24", "inputDir=" + input, "reportDir=" + dir.resolve("reports"),
                    "catalogue=" + dir.resolve("x.yml"));

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("unknown parameter 'catalogue' (did you mean 'catalog'?); a night takes"
                    + " businessDate, inputDir, reportDir, catalog");
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isZero();
            assertThat(dir.resolve("reports")).doesNotExist();
        }

        @Test
        void anArgumentThatIsNotNameEqualsValueIsRefused(CapturedOutput output) throws Exception {
            int code = run("businessDate=2026-11-24", "inputDir=" + input, "reportDir=" + dir.resolve("reports"),
                    "2026-11-25");

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("'2026-11-25' is not a name=value parameter");
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isZero();
        }

        @Test
        void aCommandRefusesAParameterItDoesNotTake(CapturedOutput output) {
            int code = runNights("--recon.command=run", "runId=7");

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("unknown parameter 'runId'; the command run takes id");
        }

        @Test
        void missingBusinessDate(CapturedOutput output) throws Exception {
            int code = run("inputDir=" + input, "reportDir=" + dir.resolve("reports"));

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("businessDate is required");
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isZero();
            assertThat(dir.resolve("reports")).doesNotExist();
        }

        @Test
        void malformedBusinessDate(CapturedOutput output) throws Exception {
            int code = run("businessDate=24/11/2026", "inputDir=" + input, "reportDir=" + dir.resolve("reports"));

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("businessDate '24/11/2026' is not a date");
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isZero();
        }

        @Test
        void aPathOutsideTheRoots(CapturedOutput output) throws Exception {
            int code = run("businessDate=2026-11-24", "inputDir=" + input, "reportDir=/tmp/../etc/recon-reports");

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("reportDir /etc/recon-reports is outside the allowed folders");
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isZero();
        }

        @Test
        void aLinkInsideTheRootsThatLeadsOutside(CapturedOutput output) throws Exception {
            Path outside = Files.createTempDirectory("recon-outside");
            Files.createSymbolicLink(dir.resolve("lnk"), outside);

            int code = run("businessDate=2026-11-24", "inputDir=" + input, "reportDir=" + dir.resolve("lnk/reports"));

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("is outside the allowed folders");
            assertThat(outside.resolve("reports")).doesNotExist();
        }

        @Test
        void aBadCatalogueNamedByTheRun(CapturedOutput output) throws Exception {
            Path catalog = dir.resolve("bad.yml");
            Files.writeString(catalog, """
                    version: 1
                    credentials: []
                    competencies:
                      - code: X
                        name: X
                        levels:
                          SILVER:
                            - path: P
                              requirements:
                                - people: 1
                                  holding: "70-999"
                    """);

            int code = run("businessDate=2026-11-24", "inputDir=" + input, "reportDir=" + dir.resolve("reports"),
                    "catalog=" + catalog);

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("70-999");
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isZero();
        }

        @Test
        void anUnknownJobName(CapturedOutput output) {
            int code = runJob("nightly", "businessDate=2026-11-24", "inputDir=" + input,
                    "reportDir=" + dir.resolve("reports"));

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("no job is named 'nightly'");
        }

        @Test
        void aBadConfiguredCatalogueStopsTheStart() throws Exception {
            Path catalog = dir.resolve("bad.yml");
            Files.writeString(catalog, "version: 1\ncredentials: []\ncompetencies:\n  - code: X\n    name: X\n    levels:\n      SILVER: []\n");

            assertThatThrownBy(() -> run("--recon.catalog=" + catalog, "businessDate=2026-11-24", "inputDir=" + input,
                    "reportDir=" + dir.resolve("reports")))
                    .satisfies(e -> assertThat(CompetencyReconApplication.refusal(e))
                            .contains("bad.yml").contains("SILVER"));
        }
    }

    private int run(String... args) {
        return runWithRoots(dir.toString(), args);
    }

    private int runWithRoots(String roots, String... args) {
        List<String> all = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--spring.datasource.url=" + dbUrl(), "--recon.roots=" + roots,
                "--spring.batch.job.name=" + NightlyJobConfig.JOB_NAME));
        all.addAll(List.of(args));
        return exit(all);
    }

    private int runNights(String... args) {
        List<String> all = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--spring.datasource.url=" + dbUrl(), "--recon.roots=" + dir));
        all.addAll(List.of(args));
        return exit(all);
    }

    private int runJob(String job, String... args) {
        List<String> all = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--spring.datasource.url=" + dbUrl(), "--recon.roots=" + dir,
                "--spring.batch.job.name=" + job));
        all.addAll(List.of(args));
        return exit(all);
    }

    private static int exit(List<String> args) {
        ConfigurableApplicationContext context = SpringApplication.run(CompetencyReconApplication.class,
                args.toArray(String[]::new));
        return SpringApplication.exit(context);
    }

    private String dbUrl() {
        return "jdbc:h2:file:" + dir.resolve("data/recon") + ";MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY";
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl(), "sa", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
