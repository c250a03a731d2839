package com.competencyrecon.operations;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Runs a series of nights in date order, one at a time: nights already completed are skipped, and the series
 * stops at the first night that fails or is refused, since every later night builds on it. The command line
 * ({@code backfill}, and the {@code recon.nights} folder of the sample programme) and the HTTP API both run
 * their series here.
 */
@Service
public class Backfill {

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);

    private final NightRunner runner;
    // One thread: nights build on each other, so two backfills started in the background never interleave.
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "backfill");
        thread.setDaemon(true);
        return thread;
    });

    public Backfill(NightRunner runner) {
        this.runner = runner;
    }

    /** A backfill started in the background: the nights it will run and those it skips as completed. */
    public record Started(LocalDate from, LocalDate to, List<LocalDate> willRun, List<LocalDate> alreadyCompleted) {
    }

    /**
     * Checks the series (its first night still to run would start) and runs it in the background, after any
     * backfill started before it; the HTTP API and the console start backfills here.
     *
     * @throws IllegalArgumentException with the refusal's message when the first night to run would be refused
     */
    public Started start(List<Night> nights, String reportDir, String catalog) {
        Refusal refusal = refusal(nights, reportDir, catalog);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal.message());
        }
        List<LocalDate> pending = pending(nights);
        LocalDate from = nights.get(0).businessDate();
        LocalDate to = nights.get(nights.size() - 1).businessDate();
        background.execute(() -> {
            Result result = run(nights, reportDir, catalog);
            log.info("Backfill {} to {} ended with exit code {}", from, to, result.exitCode());
        });
        return new Started(from, to, pending, nights.stream().map(Night::businessDate)
                .filter(d -> !pending.contains(d)).toList());
    }

    @PreDestroy
    void shutdown() {
        background.shutdownNow();
    }

    /** A night of the series: its business date and the folder of its feeds. */
    public record Night(LocalDate businessDate, Path inputDir) {
    }

    /** How a night of the series went. */
    public enum Outcome {
        SKIPPED, COMPLETED, FAILED, REFUSED, NOT_RUN
    }

    /** A night of the series and how it went; {@code runId} when it ran, {@code message} when it did not complete. */
    public record NightResult(LocalDate businessDate, Outcome outcome, Long runId, String status, String message) {
    }

    /** The nights of a series, in order; the series ended at the last one that is not {@code NOT_RUN}. */
    public record Result(List<NightResult> nights) {

        /** 0 when every night completed or was skipped, 1 when one failed, 2 when one was refused. */
        public int exitCode() {
            for (NightResult night : nights) {
                if (night.outcome() == Outcome.FAILED) {
                    return 1;
                }
                if (night.outcome() == Outcome.REFUSED) {
                    return 2;
                }
            }
            return 0;
        }
    }

    /**
     * The nights {@code from} to {@code to}, both included, each reading {@code inputRoot/<date>}.
     *
     * @throws IllegalArgumentException when a date is malformed or {@code from} is after {@code to}
     */
    public static List<Night> range(String from, String to, String inputRoot) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("from " + first + " is after to " + last
                    + "; a backfill runs the nights from the first date to the last");
        }
        if (inputRoot == null || inputRoot.isBlank()) {
            throw new IllegalArgumentException("inputRoot is required: the folder holding one feed folder per night,"
                    + " named YYYY-MM-DD");
        }
        Path root = Path.of(inputRoot);
        return first.datesUntil(last.plusDays(1)).map(d -> new Night(d, root.resolve(d.toString()))).toList();
    }

    /**
     * The night folders under {@code nights} (named by business date) in date order.
     *
     * @throws IllegalArgumentException when there is none
     */
    public static List<Night> folders(Path nights) {
        List<Night> found;
        try (Stream<Path> list = Files.list(nights)) {
            found = list.filter(Files::isDirectory).map(p -> night(p)).filter(n -> n != null)
                    .sorted(java.util.Comparator.comparing(Night::businessDate)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the nights under " + nights, e);
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no night folder (named YYYY-MM-DD) under " + nights.toAbsolutePath());
        }
        return found;
    }

    /** The nights of a series not yet completed: those a run of the series would start. */
    public List<LocalDate> pending(List<Night> nights) {
        return nights.stream().map(Night::businessDate).filter(d -> runner.alreadyCompleted(d) == null).toList();
    }

    /**
     * Why the series would be refused at its first night still to run, or null when it would start (or when
     * every night has completed).
     */
    public Refusal refusal(List<Night> nights, String reportDir, String catalog) {
        return nights.stream().filter(n -> runner.alreadyCompleted(n.businessDate()) == null).findFirst()
                .map(n -> runner.refusal(n.businessDate().toString(), n.inputDir().toString(), reportDir, catalog))
                .orElse(null);
    }

    /** Runs the nights in order, skipping completed ones and stopping at the first that fails or is refused. */
    public Result run(List<Night> nights, String reportDir, String catalog) {
        List<NightResult> results = new ArrayList<>();
        boolean stopped = false;
        for (Night night : nights) {
            LocalDate date = night.businessDate();
            if (stopped) {
                results.add(new NightResult(date, Outcome.NOT_RUN, null, null, null));
                continue;
            }
            Refusal completed = runner.alreadyCompleted(date);
            if (completed != null) {
                log.info("Night {}: {}", date, completed);
                results.add(new NightResult(date, Outcome.SKIPPED, null, "COMPLETED", completed.message()));
                continue;
            }
            NightRunner.Outcome outcome = runner.run(date.toString(), night.inputDir().toString(), reportDir, catalog);
            NightResult result = result(date, outcome);
            results.add(result);
            if (result.outcome() != Outcome.COMPLETED) {
                log.error("The series stops at the night {} ({}{}): the nights after it build on it", date,
                        result.outcome(), result.message() == null ? "" : ": " + result.message());
                stopped = true;
            }
        }
        return new Result(List.copyOf(results));
    }

    private static NightResult result(LocalDate date, NightRunner.Outcome outcome) {
        if (outcome.refusal() != null) {
            return new NightResult(date, Outcome.REFUSED, null, null, outcome.refusal().message());
        }
        long id = outcome.execution().getId();
        String status = outcome.execution().getStatus().name();
        if (outcome.completed()) {
            return new NightResult(date, Outcome.COMPLETED, id, status, null);
        }
        String why = outcome.execution().getAllFailureExceptions().stream().map(NightRunner::rootMessage).distinct()
                .reduce((a, b) -> a + "; " + b).orElse(outcome.execution().getExitStatus().getExitCode());
        return new NightResult(date, Outcome.FAILED, id, status, why);
    }

    private static Night night(Path folder) {
        try {
            return new Night(LocalDate.parse(folder.getFileName().toString()), folder);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is required (a date of the form YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a date of the form YYYY-MM-DD");
        }
    }
}
