package com.competencyrecon.system;

import ch.qos.logback.classic.ClassicConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Puts the run (business date and execution id) and the step into every log line written while they run. The
 * run also names the run's own log file ({@code logback-spring.xml} sifts the lines by it).
 */
@Component
public class RunLogContext implements JobExecutionListener, StepExecutionListener {

    /** The MDC key of the run: {@code <businessDate>#<execution id>}. */
    public static final String RUN = "run";

    private static final Logger log = LoggerFactory.getLogger(RunLogContext.class);

    /** The run's key, as the log lines carry it. */
    public static String key(String businessDate, long executionId) {
        return businessDate + "#" + executionId;
    }

    /** The name of the run's own log file under {@code recon.log-dir}. */
    public static String fileName(String businessDate, long executionId) {
        return "run-" + key(businessDate, executionId) + ".log";
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        MDC.put(RUN, key(jobExecution.getJobParameters().getString(ParameterNames.BUSINESS_DATE),
                jobExecution.getId()));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        // The marker closes the run's log file once its last lines are written, rather than keeping it open.
        log.info(ClassicConstants.FINALIZE_SESSION_MARKER, "The run ended {} ({})", jobExecution.getStatus(),
                jobExecution.getExitStatus().getExitCode());
        MDC.remove(RUN);
    }

    /** Whether this thread's run key was put by a step: a partition's, on a thread the job did not start. */
    private final ThreadLocal<Boolean> runPutByStep = new ThreadLocal<>();

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (MDC.get(RUN) == null) {
            MDC.put(RUN, key(stepExecution.getJobExecution().getJobParameters().getString(ParameterNames.BUSINESS_DATE),
                    stepExecution.getJobExecutionId()));
            runPutByStep.set(true);
        }
        MDC.put("step", stepExecution.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        MDC.remove("step");
        if (runPutByStep.get() != null) {
            runPutByStep.remove();
            MDC.remove(RUN);
        }
        return stepExecution.getExitStatus();
    }
}
