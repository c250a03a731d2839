package com.competencyrecon.operations;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The operator command line, {@code --recon.command=NAME} with {@code name=value} arguments:
 * <ul>
 *   <li>{@code runs [businessDate=D] [page=N] [size=N]}: runs, newest first, with status and times; a page of
 *   {@code size} nights (default 20), from page 0</li>
 *   <li>{@code run id=N}: one run with per-step read / written / skipped / rejected counts and why it failed</li>
 *   <li>{@code stop id=N}: ask a running night to stop</li>
 *   <li>{@code recover id=N}: mark a run a crash left running as failed, so its night can be restarted</li>
 *   <li>{@code schedules}: the descriptors of the jobs folder and their next firing</li>
 *   <li>{@code reports businessDate=D [reportDir=DIR] [file=NAME]}: list a night's reports, or print one</li>
 * </ul>
 * The listings ({@code runs}, {@code run}, {@code schedules}, {@code reports}) print text for people or, with
 * {@link Output#JSON}, the JSON the HTTP API answers, for scripts.
 * Starting and restarting a night is the job command itself ({@code --spring.batch.job.name=...}).
 */
@Component
public class OperatorCommands {

    public static final List<String> COMMANDS = List.of("runs", "run", "stop", "recover", "schedules", "reports");

    /** Nights a {@code runs} page lists unless {@code size=} says otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    /** The commands whose output may be JSON. */
    public static final List<String> LISTINGS = List.of("runs", "run", "schedules", "reports");

    /** How a listing is printed. */
    public enum Output {
        TEXT, JSON
    }

    private final OperatorService operations;
    private final RunHistory history;
    private final JsonMapper json;

    public OperatorCommands(OperatorService operations, RunHistory history, JsonMapper json) {
        this.operations = operations;
        this.history = history;
        this.json = json;
    }

    /** The {@code name=value} parameters a command takes. */
    public static List<String> parametersOf(String command) {
        return switch (command) {
            case "runs" -> List.of("businessDate", "page", "size");
            case "run", "stop", "recover" -> List.of("id");
            case "reports" -> List.of("businessDate", "reportDir", "file");
            default -> List.of();
        };
    }

    /** Runs a command, printing text to {@code out}; returns 0, or 2 when it is refused (the reason on err). */
    public int run(String command, Map<String, String> args, String defaultReportDir, PrintStream out, PrintStream err) {
        return run(command, args, defaultReportDir, Output.TEXT, out, err);
    }

    /** Runs a command, printing to {@code out} as {@code output} says; returns 0, or 2 when it is refused. */
    public int run(String command, Map<String, String> args, String defaultReportDir, Output output, PrintStream out,
                   PrintStream err) {
        boolean asJson = output == Output.JSON;
        try {
            if (asJson && !LISTINGS.contains(command)) {
                throw new IllegalArgumentException("the command " + command + " has no JSON output; the listings "
                        + LISTINGS + " have");
            }
            switch (command) {
                case "runs" -> runs(args, asJson, out, err);
                case "run" -> {
                    RunView run = history.run(id(args)).orElseThrow(
                            () -> new IllegalArgumentException("no run " + args.get("id")));
                    if (asJson) {
                        printJson(run, out);
                    } else {
                        print(run, out);
                    }
                }
                case "stop" -> out.println(operations.stop(id(args)));
                case "recover" -> out.println(operations.recover(id(args)));
                case "schedules" -> {
                    if (asJson) {
                        printJson(operations.scheduleViews(), out);
                    } else {
                        operations.schedules().forEach(out::println);
                        List<com.competencyrecon.schedule.Firing> latest = operations.firings(LATEST_FIRINGS);
                        if (!latest.isEmpty()) {
                            out.println("latest firings (newest first):");
                            latest.forEach(f -> out.println(f.line()));
                        }
                    }
                }
                case "reports" -> reports(args, defaultReportDir, asJson, out);
                default -> throw new IllegalArgumentException("unknown command '" + command + "'; commands: " + COMMANDS);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("competency-recon: " + e.getMessage());
            return 2;
        }
    }

    /** How many of the firing ledger's latest rows {@code schedules} prints. */
    static final int LATEST_FIRINGS = 20;

    private void runs(Map<String, String> args, boolean asJson, PrintStream out, PrintStream err) {
        int page = number(args, "page", 0);
        RunHistory.Page runs = history.page(args.get("businessDate"), page, number(args, "size", DEFAULT_PAGE_SIZE));
        if (asJson) {
            printJson(runs.runs(), out);
        } else {
            runs.runs().forEach(r -> out.println(summary(r)));
        }
        if (runs.hasNext()) {
            // On the error stream, so the listing on the output keeps one line per run.
            err.println("competency-recon: " + runs.totalNights() + " nights in all; older ones with page="
                    + (page + 1));
        }
    }

    private static int number(Map<String, String> args, String name, int otherwise) {
        String value = args.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
        }
    }

    /** A report of a night's folder as the JSON listing gives it. */
    public record ReportFile(String file, long bytes) {
    }

    private void printJson(Object value, PrintStream out) {
        out.println(json.writeValueAsString(value));
    }

    private void reports(Map<String, String> args, String defaultReportDir, boolean asJson, PrintStream out) {
        String date = args.get("businessDate");
        if (date == null) {
            throw new IllegalArgumentException("reports needs businessDate=YYYY-MM-DD");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("businessDate '" + date + "' is not a date of the form YYYY-MM-DD");
        }
        Path reportDir = Path.of(args.getOrDefault("reportDir", defaultReportDir));
        List<Path> files = operations.reports(reportDir, day);
        String file = args.get("file");
        if (file == null) {
            if (asJson) {
                printJson(files.stream().map(f -> new ReportFile(f.getFileName().toString(), f.toFile().length()))
                        .toList(), out);
            } else {
                files.forEach(f -> out.println(f.getFileName() + "\t" + f.toFile().length() + " bytes"));
            }
            return;
        }
        if (asJson) {
            throw new IllegalArgumentException("a report is printed as it is; --output=json lists a night's reports");
        }
        Path chosen = files.stream().filter(f -> f.getFileName().toString().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no report " + file + " for " + day));
        if (file.endsWith(".xlsx")) {
            // A workbook is binary: printed to a terminal it is noise, so say where it is instead.
            throw new IllegalArgumentException(file + " is a workbook, not text: open " + chosen.toAbsolutePath());
        }
        try {
            out.print(java.nio.file.Files.readString(chosen));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long id(Map<String, String> args) {
        String id = args.get("id");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("the command needs id=N, the number of a run (see the command runs)");
        }
    }

    static String summary(RunView r) {
        return r.id() + "\t" + r.businessDate() + "\t" + r.status() + "\tstarted " + r.started() + "\tended "
                + (r.ended() == null ? "-" : r.ended());
    }

    private static void print(RunView r, PrintStream out) {
        out.println("run " + r.id() + " of the night " + r.businessDate() + ": " + r.status() + " (" + r.exitCode()
                + "), started " + r.started() + ", ended " + (r.ended() == null ? "-" : r.ended()));
        out.println("step\tstatus\tread\twritten\tskipped\trejected");
        for (RunView.StepView s : r.steps()) {
            out.println(s.name() + "\t" + s.status() + "\t" + s.read() + "\t" + s.written() + "\t" + s.skipped() + "\t"
                    + (s.rejected() == null ? "-" : s.rejected()));
        }
        r.failures().forEach(f -> out.println("failure: " + f));
    }
}
