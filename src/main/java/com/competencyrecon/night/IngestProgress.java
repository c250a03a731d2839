package com.competencyrecon.night;

import com.competencyrecon.config.ReconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs the progress of long chunk steps at a steady interval: items done, rate, and how long the step has
 * run. Short steps log nothing beyond their end.
 */
@Component
public class IngestProgress implements ChunkListener, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(IngestProgress.class);

    private final Duration interval;
    private final Map<Long, long[]> lastLog = new ConcurrentHashMap<>();

    public IngestProgress(ReconProperties properties) {
        this.interval = properties.progressInterval();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        lastLog.put(stepExecution.getId(), new long[]{System.nanoTime(), System.nanoTime()});
    }

    @Override
    public void afterChunk(ChunkContext context) {
        StepExecution step = context.getStepContext().getStepExecution();
        long[] times = lastLog.get(step.getId());
        if (times == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - times[1] >= interval.toNanos()) {
            times[1] = now;
            double seconds = (now - times[0]) / 1e9;
            long done = step.getReadCount();
            log.info("{}: {} records read, {} written, {} records/s after {} s", step.getStepName(), done,
                    step.getWriteCount(), Math.round(done / Math.max(seconds, 1e-3)), Math.round(seconds));
        }
    }

    @Override
    public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
        long[] times = lastLog.remove(stepExecution.getId());
        if (times != null) {
            log.info("{} {}: {} read, {} written in {} ms", stepExecution.getStepName(), stepExecution.getStatus(),
                    stepExecution.getReadCount(), stepExecution.getWriteCount(), (System.nanoTime() - times[0]) / 1_000_000);
        }
        return stepExecution.getExitStatus();
    }
}
