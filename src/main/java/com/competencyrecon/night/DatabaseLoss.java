package com.competencyrecon.night;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDateTime;

/**
 * A night that lost its database: how to tell (the failure is a lost or refused connection, not the night's own
 * fault), and how its run, which Spring Batch then leaves UNKNOWN, is made restartable.
 */
public final class DatabaseLoss {

    private DatabaseLoss() {
    }

    /**
     * Marks a run that ended UNKNOWN, and its UNKNOWN steps, FAILED, so Spring Batch restarts it. That is safe
     * here: each step commits its writes and its restart point (its step execution) in one transaction on the one
     * database, so whether the commit whose outcome was lost landed or not, the database holds a consistent restart
     * point, the same state a process killed at that commit leaves; reports are written aside and moved into place
     * only once the night completes.
     */
    static void failUnknownRun(JobRepository jobRepository, long id) {
        JobExecution execution = jobRepository.getJobExecution(id);
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(step.getExitStatus().and(ExitStatus.FAILED)
                        .addExitDescription("ended UNKNOWN; marked FAILED to restart"));
                if (step.getEndTime() == null) {
                    step.setEndTime(now);
                }
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(execution.getExitStatus().and(ExitStatus.FAILED)
                .addExitDescription("ended UNKNOWN; marked FAILED to restart"));
        if (execution.getEndTime() == null) {
            execution.setEndTime(now);
        }
        jobRepository.update(execution);
    }

    /**
     * Whether a failure is the database going away (a lost or refused connection) rather than something wrong
     * with the night itself: the operator is told to run the night again once the database is back.
     */
    public static boolean causedBy(Throwable failure) {
        // Hikari's "Connection is closed" carries no SQL state: it is recognised by the failed commit or rollback.
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLRecoverableException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t instanceof java.sql.SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("08")
                    // a commit or rollback that failed on the connection: the database, not the night
                    || t instanceof org.springframework.transaction.TransactionSystemException
                    && t.getCause() instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }
}
