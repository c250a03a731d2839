package com.competencyrecon.system;

import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Puts the run (business date and execution id) and the step into every log line written while they run. */
@Component
public class RunLogContext implements JobExecutionListener, StepExecutionListener {

    @Override
    public void beforeJob(JobExecution jobExecution) {
        MDC.put("run", jobExecution.getJobParameters().getString(ParameterNames.BUSINESS_DATE) + "#"
                + jobExecution.getId());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        MDC.remove("run");
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        MDC.put("step", stepExecution.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        MDC.remove("step");
        return stepExecution.getExitStatus();
    }
}
