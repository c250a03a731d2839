package com.competencyrecon.console;

import com.competencyrecon.night.NightParameters;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.Refusal;
import com.competencyrecon.system.ReconProperties;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a night from the console as the API does: the checks that refuse it, the run lock and the run's
 * creation happen while the operator waits (so the page can say why), then the night runs in the background
 * and the pages follow it.
 */
@Component
class NightStarter {

    private final NightRunner runner;
    private final JobRepository jobRepository;
    private final ReconProperties properties;

    NightStarter(NightRunner runner, JobRepository jobRepository, ReconProperties properties) {
        this.runner = runner;
        this.jobRepository = jobRepository;
        this.properties = properties;
    }

    /** Starts (or restarts) the night; without a report folder the configured one is used. */
    void start(String businessDate, String inputDir, String reportDir, String catalog) {
        String reports = Inputs.optional(reportDir) == null ? properties.reportDir() : reportDir.trim();
        String input = Inputs.optional(inputDir);
        if (input == null) {
            throw new IllegalArgumentException("name the folder of the night's feeds (input folder)");
        }
        String catalogue = Inputs.optional(catalog);
        Refusal refusal = runner.launch(Inputs.optional(businessDate), input, reports, catalogue).refusal();
        if (refusal != null) {
            throw new IllegalArgumentException(refusal.message());
        }
    }

    /** Starts the run's night again with the parameters it ran with: a restart from where it stopped. */
    String restart(long runId) {
        JobExecution execution = jobRepository.getJobExecution(runId);
        if (execution == null) {
            throw new ConsoleAdvice.NotFound("no run " + runId);
        }
        JobParameters p = execution.getJobParameters();
        String date = p.getString(NightParameters.BUSINESS_DATE);
        start(date, p.getString(NightParameters.INPUT_DIR), p.getString(NightParameters.REPORT_DIR),
                p.getString(NightParameters.CATALOG));
        return date;
    }
}
