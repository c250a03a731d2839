package com.competencyrecon.night;

import com.competencyrecon.system.ReconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import com.competencyrecon.ingest.internal.CsvFeedReader;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs the progress of long chunk steps at a steady interval: records done, rate, share of the file read and
 * an estimate of the time left. Short steps log nothing beyond their end.
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
        current.set(stepExecution);
        lastLog.put(stepExecution.getId(), new long[]{System.nanoTime(), System.nanoTime()});
    }

    /** The step running on this thread: Batch 6's chunk-oriented step hands listeners the chunk only. */
    private final ThreadLocal<StepExecution> current = new ThreadLocal<>();

    @Override
    public void afterChunk(ChunkContext context) {
        report(context.getStepContext().getStepExecution());
    }

    @Override
    public void afterChunk(Chunk chunk) {
        StepExecution step = current.get();
        if (step != null) {
            report(step);
        }
    }

    private void report(StepExecution step) {
        long[] times = lastLog.get(step.getId());
        if (times == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - times[1] >= interval.toNanos()) {
            times[1] = now;
            double seconds = (now - times[0]) / 1e9;
            long done = step.getReadCount();
            double fraction = step.getExecutionContext().getDouble(CsvFeedReader.PROGRESS_KEY, -1);
            String eta = fraction > 0 && fraction < 1
                    ? "about " + Math.round(seconds * (1 - fraction) / fraction) + " s left"
                    : "time left unknown";
            log.info("{}: {} records read, {} written, {} records/s, {}% of the file, {}", step.getStepName(), done,
                    step.getWriteCount(), Math.round(done / Math.max(seconds, 1e-3)),
                    fraction < 0 ? "?" : Math.round(fraction * 100), eta);
        }
    }

    @Override
    public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
        current.remove();
        long[] times = lastLog.remove(stepExecution.getId());
        if (times != null) {
            log.info("{} {}: {} read, {} written in {} ms", stepExecution.getStepName(), stepExecution.getStatus(),
                    stepExecution.getReadCount(), stepExecution.getWriteCount(), (System.nanoTime() - times[0]) / 1_000_000);
        }
        return stepExecution.getExitStatus();
    }
}
