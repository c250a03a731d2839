package com.competencyrecon.cli;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The subcommands of the command line: help, JSON listings, backfill, and the calls it cannot read. */
@ExtendWith(OutputCaptureExtension.class)
class SubcommandsTests {

    @TempDir
    Path dir;

    @BeforeEach
    void nights() throws Exception {
        for (String date : List.of("2026-11-20", "2026-11-21", "2026-11-22")) {
            Path night = Files.createDirectories(dir.resolve("in").resolve(date));
            Files.writeString(night.resolve("organizations.csv"), "org_id,name,market\nORG-1,Contoso,DEVELOPED\n");
        }
    }

    @Nested
    class Help {

        @Test
        void helpListsTheCommandsAndExitsZero(CapturedOutput output) {
            assertThat(run("--help")).isZero();

            assertThat(output.getOut()).contains("Usage: competency-recon").contains("Commands:")
                    .contains("night").contains("backfill").contains("runs").contains("schedules").contains("serve");
        }

        @Test
        void eachCommandHasItsOwnHelp(CapturedOutput output) {
            assertThat(run("--recon.command=backfill", "--help")).isZero();

            assertThat(output.getOut()).contains("Usage: competency-recon backfill")
                    .contains("--from=YYYY-MM-DD").contains("inputRoot=DIR").contains("Exit codes:");
        }
    }

    @Nested
    class Json {

        @Test
        void theListingsPrintTheJsonOfTheApi(CapturedOutput output) throws Exception {
            assertThat(run("night", "businessDate=2026-11-20", "inputDir=" + dir.resolve("in/2026-11-20"),
                    "reportDir=" + dir.resolve("reports"))).isZero();

            assertThat(run("runs", "--output=json")).isZero();
            JsonNode runs = lastJson(output);
            assertThat(runs.isArray()).isTrue();
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).get("businessDate").asString()).isEqualTo("2026-11-20");
            assertThat(runs.get(0).get("status").asString()).isEqualTo("COMPLETED");
            long id = runs.get(0).get("id").asLong();

            assertThat(run("--recon.command=run", "id=" + id, "--output=JSON")).isZero();
            JsonNode run = lastJson(output);
            assertThat(run.get("id").asLong()).isEqualTo(id);
            assertThat(run.get("steps").get(0).get("name").asString()).isEqualTo("ingestOrganizations");
            assertThat(run.get("steps").get(0).get("read").asLong()).isEqualTo(1);

            assertThat(run("reports", "businessDate=2026-11-20", "reportDir=" + dir.resolve("reports"),
                    "--output=json")).isZero();
            JsonNode reports = lastJson(output);
            List<String> files = new ArrayList<>();
            reports.forEach(r -> files.add(r.get("file").asString()));
            assertThat(files).containsExactly("2026-11-20.xlsx", "alerts.csv", "competency-status.csv",
                    "marketing-profile.csv", "membership-expiry.csv", "rejects.csv", "summary.html");
            assertThat(reports.get(5).get("bytes").asLong()).isEqualTo(Files.size(dir.resolve(
                    "reports/2026-11-20/rejects.csv")));
        }

        @Test
        void schedulesAsJson(CapturedOutput output) throws Exception {
            Path jobs = Files.createDirectories(dir.resolve("jobs"));
            Files.writeString(jobs.resolve("nightly.yml"), """
                    job: nightlyReconciliation
                    cron: "0 30 2 * * ?"
                    timeZone: Europe/Paris
                    enabled: true
                    parameters:
                      inputDir: feeds/{businessDate}
                      reportDir: reports
                    """);

            assertThat(run("--recon.jobs-dir=" + jobs, "schedules", "--output=json")).isZero();

            JsonNode schedules = lastJson(output);
            assertThat(schedules).hasSize(1);
            assertThat(schedules.get(0).get("name").asString()).isEqualTo("nightly");
            assertThat(schedules.get(0).get("timeZone").asString()).isEqualTo("Europe/Paris");
            assertThat(schedules.get(0).get("parameters").get("inputDir").asString()).isEqualTo("feeds/{businessDate}");
        }
    }

    @Nested
    class Backfill {

        @Test
        void aBackfillRunsTheRangeInOrderAndStopsAtTheNightThatFails(CapturedOutput output) throws Exception {
            Files.writeString(dir.resolve("in/2026-11-21/users.csv"), "user_id,org_id\nu1,ORG-1\n");

            int code = run("backfill", "--from=2026-11-20", "--to=2026-11-22", "inputRoot=" + dir.resolve("in"),
                    "reportDir=" + dir.resolve("reports"));

            assertThat(code).isEqualTo(CommandLine.FAILED);
            assertThat(output.getOut()).contains("2026-11-20\tCOMPLETED\trun ")
                    .contains("2026-11-21\tFAILED\trun ").contains("header lacks required column(s)")
                    .contains("2026-11-22\tNOT_RUN");
            assertThat(dir.resolve("reports").toFile().list()).containsExactly("2026-11-20");
        }

        @Test
        void aBackfillFromAfterToIsRefused(CapturedOutput output) {
            int code = run("backfill", "--from=2026-11-22", "--to=2026-11-20", "inputRoot=" + dir.resolve("in"));

            assertThat(code).isEqualTo(CommandLine.REFUSED);
            assertThat(output).contains("from 2026-11-22 is after to 2026-11-20");
        }
    }

    @Nested
    class Errors {

        @Test
        void anUnknownOptionIsRefusedNamingTheOneMeant(CapturedOutput output) {
            assertThat(run("runs", "--outptu=json")).isEqualTo(CommandLine.REFUSED);

            assertThat(output.getErr()).contains("Unknown option: '--outptu=json'").contains("--output")
                    .contains("Run 'competency-recon runs --help'");
        }

        @Test
        void anUnknownOutputFormatIsRefused(CapturedOutput output) {
            assertThat(run("runs", "--output=xml")).isEqualTo(CommandLine.REFUSED);

            assertThat(output.getErr()).contains("Invalid value for option '--output'").contains("xml");
        }

        @Test
        void anUnknownCommandIsRefusedNamingTheOneMeant(CapturedOutput output) {
            assertThat(run("--recon.command=rnus")).isEqualTo(CommandLine.REFUSED);

            assertThat(output.getErr()).contains("unknown command 'rnus' (did you mean 'runs'?)");
        }

        @Test
        void aMissingRequiredOptionIsRefused(CapturedOutput output) {
            assertThat(run("backfill", "--to=2026-11-22", "inputRoot=" + dir.resolve("in"))).isEqualTo(CommandLine.REFUSED);

            assertThat(output.getErr()).contains("Missing required option: '--from=YYYY-MM-DD'");
        }

        @Test
        void aCommandThatChangesARunHasNoJsonOutput(CapturedOutput output) {
            assertThat(run("stop", "id=1", "--output=json")).isEqualTo(CommandLine.REFUSED);

            assertThat(output.getErr()).contains("Unknown option: '--output=json'");
        }
    }

    /** The last JSON document of standard output: the listing prints it on one line, apart from the log. */
    private static JsonNode lastJson(CapturedOutput output) {
        List<String> lines = output.getOut().lines().filter(l -> l.startsWith("[") || l.startsWith("{")).toList();
        assertThat(lines).isNotEmpty();
        return JsonMapper.builder().build().readTree(lines.get(lines.size() - 1));
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data/recon")
                        + ";MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY",
                "--recon.roots=" + dir));
        all.addAll(List.of(args));
        ConfigurableApplicationContext context = SpringApplication.run(CompetencyReconApplication.class,
                all.toArray(String[]::new));
        return SpringApplication.exit(context);
    }
}
