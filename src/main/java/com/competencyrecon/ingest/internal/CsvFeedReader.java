package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.csv.CsvFeedFile;
import com.competencyrecon.ingest.csv.CsvRecord;
import com.competencyrecon.ingest.csv.FeedFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reads one feed file as a {@link CsvFeedFile} does, turns each record into an item, and resumes at the right
 * record and line after a restart.
 * <p>
 * The restart state is the base class's count of items handed to the step, saved under the feed name, so a
 * restart re-parses the records already read (without building their values) and goes on from the next one.
 * That assumes the file is the same as in the failed run.
 * <p>
 * With a read-ahead, a thread of the reader's own splits and converts the records while the step writes the
 * previous chunk, so parsing overlaps the database's work instead of waiting for it. The thread stays at most
 * that many items ahead; the count saved for a restart is still that of the items the step took.
 */
public class CsvFeedReader<T> extends AbstractItemCountingItemStreamItemReader<T> {

    /** Key under which {@link #update} leaves the share of the file read so far, for progress lines. */
    public static final String PROGRESS_KEY = "progress.fraction";

    private static final Logger log = LoggerFactory.getLogger(CsvFeedReader.class);

    private final CsvFeedFile file;
    private final Function<CsvRecord, T> convert;
    private final int readAhead;
    private ReadAhead<T> ahead;

    /**
     * @param file            the feed file; it need not exist
     * @param feedName        the name the restart state is saved under (unique within the step)
     * @param knownColumns    the feed's columns, in the order records should list them
     * @param requiredColumns the columns the header must have, a subset of {@code knownColumns}
     * @param convert         turns a record into the item the step takes; it must not touch shared state
     * @param readAhead       how many items a thread of the reader's own may prepare ahead; 0 for none
     */
    public CsvFeedReader(Path file, String feedName, List<String> knownColumns, Set<String> requiredColumns,
                         Function<CsvRecord, T> convert, int readAhead) {
        this.file = new CsvFeedFile(file, knownColumns, requiredColumns);
        this.convert = Objects.requireNonNull(convert, "convert");
        if (readAhead < 0) {
            throw new IllegalArgumentException("readAhead must not be negative: " + readAhead);
        }
        this.readAhead = readAhead;
        setName(Objects.requireNonNull(feedName, "feedName"));
        setSaveState(true);
    }

    /** A reader of the records themselves, on the caller's thread. */
    public static CsvFeedReader<CsvRecord> records(Path file, String feedName, List<String> knownColumns,
                                                   Set<String> requiredColumns) {
        return new CsvFeedReader<>(file, feedName, knownColumns, requiredColumns, Function.identity(), 0);
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
        if (ahead != null) {
            ahead.stop();
            ahead = null;
        }
        file.open();
    }

    @Override
    protected T doRead() throws IOException {
        if (readAhead == 0) {
            CsvRecord record = file.read();
            return record == null ? null : convert.apply(record);
        }
        if (ahead == null) {
            // Started only now, after the base class has skipped what a failed run read.
            ahead = new ReadAhead<>(file, convert, readAhead);
        }
        return ahead.next();
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
        double progress = ahead != null ? ahead.progress : file.progress();
        if (progress >= 0) {
            executionContext.putDouble(PROGRESS_KEY, progress);
        }
    }

    @Override
    protected void doClose() throws IOException {
        if (ahead != null) {
            ahead.stop();
            ahead = null;
        }
        file.close();
    }

    /** The thread that reads and converts ahead of the step, and the bounded queue it fills. */
    private static final class ReadAhead<T> implements Runnable {

        private static final Object END = new Object();

        private final CsvFeedFile file;
        private final Function<CsvRecord, T> convert;
        private final BlockingQueue<Object> queue;
        private final Map<String, String> logContext = MDC.getCopyOfContextMap();
        private final Thread thread;
        private volatile double progress = -1;
        private boolean ended;

        ReadAhead(CsvFeedFile file, Function<CsvRecord, T> convert, int capacity) {
            this.file = file;
            this.convert = convert;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.thread = new Thread(this, "read-" + file.fileName());
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                for (CsvRecord record = file.read(); record != null; record = file.read()) {
                    T item = convert.apply(record);
                    progress = file.progress();
                    queue.put(item);
                }
                progress = file.progress();
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                offer(new Failure(new UncheckedIOException(e)));
            } catch (RuntimeException | Error e) {
                offer(new Failure(e));
            }
        }

        private void offer(Failure failure) {
            try {
                queue.put(failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @SuppressWarnings("unchecked")
        T next() {
            if (ended) {
                return null;
            }
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ItemStreamException("interrupted while waiting for the next record", e);
            }
            if (next == END) {
                ended = true;
                return null;
            }
            if (next instanceof Failure failure) {
                ended = true;
                if (failure.cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) failure.cause;
            }
            return (T) next;
        }

        /** Stops the thread before the file is closed under it. */
        void stop() {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private record Failure(Throwable cause) {
        }
    }
}
