package com.competencyrecon;

import com.competencyrecon.cli.CommandLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which arguments are Spring Boot's settings and which the command's, and which starts open no port. */
class OneShotTests {

    @Test
    void settingsHaveADotAndAreLeftToSpringBoot() {
        assertThat(CommandLine.commandArguments(new String[] {"--spring.profiles.active=mysql", "runs",
                "--recon.report-dir=out", "businessDate=2026-11-24", "--output=json", "--debug", "--from=2026-11-20"}))
                .containsExactly("runs", "businessDate=2026-11-24", "--output=json", "--from=2026-11-20");
    }

    @Test
    void aCommandOrANightRunsAndExitsWithoutAPort() {
        assertThat(CompetencyReconApplication.oneShot(new String[] {"runs", "--output=json"})).isTrue();
        assertThat(CompetencyReconApplication.oneShot(new String[] {"--help"})).isTrue();
        assertThat(CompetencyReconApplication.oneShot(new String[] {"--recon.command=runs"})).isTrue();
        assertThat(CompetencyReconApplication.oneShot(new String[] {"--spring.batch.job.name=nightlyReconciliation",
                "businessDate=2026-11-24"})).isTrue();
        assertThat(CompetencyReconApplication.oneShot(new String[] {"--recon.nights=sample-data/nights"})).isTrue();
    }

    @Test
    void theServiceKeepsItsPort() {
        assertThat(CompetencyReconApplication.oneShot(new String[] {"--spring.profiles.active=mysql"})).isFalse();
        assertThat(CompetencyReconApplication.oneShot(new String[] {"serve"})).isFalse();
        assertThat(CompetencyReconApplication.oneShot(new String[] {"--recon.command=serve"})).isFalse();
    }
}
