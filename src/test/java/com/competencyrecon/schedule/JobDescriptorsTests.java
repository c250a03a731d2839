package com.competencyrecon.schedule;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The jobs folder: one descriptor per scheduled job; a bad one is refused naming the file and the field. */
class JobDescriptorsTests {

    @TempDir
    Path jobs;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(jobs.resolve(name), yaml);
    }

    static final String GOOD = """
            job: nightlyReconciliation
            cron: "0 30 2 * * ?"
            timeZone: Europe/Amsterdam
            enabled: true
            parameters:
              inputDir: feeds/{businessDate}
              reportDir: reports
            """;

    @Nested
    class Good {

        @Test
        void aDescriptorIsReadWithItsFileNameAsIdentity() throws IOException {
            write("nightly.yml", GOOD);

            List<JobDescriptor> read = JobDescriptors.read(jobs);

            assertThat(read).singleElement().satisfies(d -> {
                assertThat(d.name()).isEqualTo("nightly");
                assertThat(d.cron()).isEqualTo("0 30 2 * * ?");
                assertThat(d.timeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
                assertThat(d.enabled()).isTrue();
                assertThat(d.businessDateOffsetDays()).isEqualTo(-1);
                assertThat(d.parameter("inputDir", "2026-11-24")).isEqualTo("feeds/2026-11-24");
            });
        }

        @Test
        void aCatchUpRangeIsReadWithOrWithoutItsLastNight() throws IOException {
            write("drill.yml", GOOD + "catchUp:\n  from: 2026-10-01\n  to: '2026-10-20'\n");
            write("outage.yml", GOOD + "catchUp:\n  from: 2026-11-01\n");

            List<JobDescriptor> read = JobDescriptors.read(jobs);

            assertThat(read).extracting(JobDescriptor::catchUp).containsExactly(
                    new JobDescriptor.CatchUp(java.time.LocalDate.parse("2026-10-01"), java.time.LocalDate.parse("2026-10-20")),
                    new JobDescriptor.CatchUp(java.time.LocalDate.parse("2026-11-01"), null));
            assertThat(JobDescriptors.read(jobs.resolve("absent"))).isEmpty();
        }

        @Test
        void aMissingFolderMeansNoSchedules() {
            assertThat(JobDescriptors.read(jobs.resolve("absent"))).isEmpty();
        }

        @Test
        void theBundledDescriptorIsValid() {
            assertThat(JobDescriptors.read(Path.of("jobs"))).extracting(JobDescriptor::name)
                    .containsExactly("nightly-reconciliation");
        }

        @Test
        void otherFilesAreIgnored() throws IOException {
            write("README.md", "# not a descriptor");
            assertThat(JobDescriptors.read(jobs)).isEmpty();
        }
    }

    @Nested
    class Refused {

        @Test
        void aBadCron() throws IOException {
            write("nightly.yml", GOOD.replace("0 30 2 * * ?", "every night"));
            assertThatThrownBy(() -> JobDescriptors.read(jobs)).isInstanceOf(JobDescriptorException.class)
                    .hasMessageContaining("nightly.yml").hasMessageContaining("field 'cron'");
        }

        @Test
        void anUnknownTimeZone() throws IOException {
            write("nightly.yml", GOOD.replace("Europe/Amsterdam", "Mars/Olympus"));
            assertThatThrownBy(() -> JobDescriptors.read(jobs)).hasMessageContaining("nightly.yml")
                    .hasMessageContaining("field 'timeZone'");
        }

        @Test
        void anUnknownJob() throws IOException {
            write("nightly.yml", GOOD.replace("job: nightlyReconciliation", "job: weekly"));
            assertThatThrownBy(() -> JobDescriptors.read(jobs)).hasMessageContaining("field 'job'");
        }

        @Test
        void enabledThatIsNotABoolean() throws IOException {
            write("nightly.yml", GOOD.replace("enabled: true", "enabled: sometimes"));
            assertThatThrownBy(() -> JobDescriptors.read(jobs)).hasMessageContaining("field 'enabled'");
        }

        @Test
        void aMissingRequiredParameter() throws IOException {
            write("nightly.yml", GOOD.replace("  reportDir: reports\n", ""));
            assertThatThrownBy(() -> JobDescriptors.read(jobs)).hasMessageContaining("field 'parameters.reportDir'");
        }

        @Test
        void aCatchUpWithoutItsFirstNightOrEndingBeforeIt() throws IOException {
            write("nightly.yml", GOOD + "catchUp:\n  to: 2026-10-20\n");
            assertThatThrownBy(() -> JobDescriptors.read(jobs)).hasMessageContaining("field 'catchUp.from' is required");
            write("nightly.yml", GOOD + "catchUp:\n  from: 2026-10-20\n  to: 2026-10-01\n");
            assertThatThrownBy(() -> JobDescriptors.read(jobs)).hasMessageContaining("field 'catchUp.to'");
            write("nightly.yml", GOOD + "catchUp:\n  from: 20 October\n");
            assertThatThrownBy(() -> JobDescriptors.read(jobs)).hasMessageContaining("is not a date");
        }

        @Test
        void anUnknownField() throws IOException {
            write("nightly.yml", GOOD + "retries: 3\n");
            assertThatThrownBy(() -> JobDescriptors.read(jobs)).hasMessageContaining("unknown field 'retries'");
        }

        @Test
        void invalidYaml() throws IOException {
            write("nightly.yml", "job: [unclosed");
            assertThatThrownBy(() -> JobDescriptors.read(jobs)).hasMessageContaining("nightly.yml")
                    .hasMessageContaining("not valid YAML");
        }
    }
}
