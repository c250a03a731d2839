package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.csv.CsvFeedFile;
import com.competencyrecon.ingest.csv.CsvRecord;
import com.competencyrecon.ingest.csv.FeedFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads one feed file as a {@link CsvFeedFile} does, and resumes at the right record and line after a restart.
 * <p>
 * The restart state is the base class's read count, saved under the feed name, so a restart re-parses the
 * records already read (without building their values) and goes on from the next one. That assumes the
 * file is the same as in the failed run.
 */
public class CsvFeedReader extends AbstractItemCountingItemStreamItemReader<CsvRecord> {

    /** Key under which {@link #update} leaves the share of the file read so far, for progress lines. */
    public static final String PROGRESS_KEY = "progress.fraction";

    private static final Logger log = LoggerFactory.getLogger(CsvFeedReader.class);

    private final CsvFeedFile file;

    /**
     * @param file            the feed file; it need not exist
     * @param feedName        the name the restart state is saved under (unique within the step)
     * @param knownColumns    the feed's columns, in the order records should list them
     * @param requiredColumns the columns the header must have, a subset of {@code knownColumns}
     */
    public CsvFeedReader(Path file, String feedName, List<String> knownColumns, Set<String> requiredColumns) {
        this.file = new CsvFeedFile(file, knownColumns, requiredColumns);
        setName(Objects.requireNonNull(feedName, "feedName"));
        setSaveState(true);
    }

    /**
     * As the base class, but a {@link FeedFormatException} from the header check is thrown as is rather
     * than wrapped, so the job's failure names the file and the problem.
     */
    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        try {
            super.open(executionContext);
        }
        catch (ItemStreamException ex) {
            if (ex.getCause() instanceof FeedFormatException feedFormat) {
                throw feedFormat;
            }
            throw ex;
        }
    }

    @Override
    protected void doOpen() throws IOException {
        file.open();
    }

    @Override
    protected CsvRecord doRead() throws IOException {
        return file.read();
    }

    /** Skips the records a failed run already read by parsing them, without building their values. */
    @Override
    protected void jumpToItem(int itemIndex) throws IOException {
        int skipped = 0;
        while (skipped < itemIndex && file.skip()) {
            skipped++;
        }
        log.info("{}: restart skipped the {} record(s) read before", file.fileName(), skipped);
    }

    /** Also records how far into the file reading has got. */
    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        super.update(executionContext);
        double progress = file.progress();
        if (progress >= 0) {
            executionContext.putDouble(PROGRESS_KEY, progress);
        }
    }

    @Override
    protected void doClose() throws IOException {
        file.close();
    }
}
