package com.competencyrecon.night;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLog;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Records a feed delivered with no record as read 0, applied 0, rejected 0, so it is told apart from an absent one. */
class FeedCountListener implements StepExecutionListener {

    private final FeedLog feedLog;

    FeedCountListener(FeedLog feedLog) {
        this.feedLog = feedLog;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        String inputDir = step.getJobParameters().getString(NightParameters.INPUT_DIR);
        Feed feed = Feed.byStepName(step.getStepName());
        if (step.getStatus() == BatchStatus.COMPLETED && inputDir != null
                && Files.exists(Path.of(inputDir).resolve(feed.fileName()))) {
            feedLog.markDelivered(LocalDate.parse(step.getJobParameters().getString(NightParameters.BUSINESS_DATE)),
                    feed);
        }
        return step.getExitStatus();
    }
}
