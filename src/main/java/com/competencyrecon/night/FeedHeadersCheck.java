package com.competencyrecon.night;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.csv.CsvFeedFile;
import com.competencyrecon.ingest.feeds.FeedSpecs;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Before the first feed is applied, opens every feed file of the night and reads its header. A file that cannot be
 * read as its feed at all (no header, a column twice, another separator, UTF-16) then fails the night before any
 * feed has changed anything, rather than after the feeds applied before it; the failure names the file.
 */
class FeedHeadersCheck implements StepExecutionListener {

    @Override
    public void beforeStep(StepExecution stepExecution) {
        Path input = Path.of(stepExecution.getJobParameters().getString(NightParameters.INPUT_DIR));
        for (Feed feed : Feed.values()) {
            FeedSpec.Layout layout = FeedSpecs.header(feed);
            try {
                new CsvFeedFile(input.resolve(feed.fileName()), layout.columns(), layout.required()).checkHeader();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + feed.fileName() + ": " + e.getMessage(), e);
            }
        }
    }
}
