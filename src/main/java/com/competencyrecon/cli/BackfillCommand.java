package com.competencyrecon.cli;

import com.competencyrecon.operations.Backfill;
import com.competencyrecon.operations.OperatorCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code backfill --from=D --to=D inputRoot=DIR [reportDir=DIR] [catalog=FILE]}: runs a range of nights in order. */
@Command(name = "backfill", description = {"Runs the nights from --from to --to in date order, each from "
        + "inputRoot/<date>. Nights already completed are skipped; the backfill stops at the first night that "
        + "fails or is refused, since the nights after it build on it."},
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:every night completed or had completed",
        "1:a night ran and did not complete", "2:a night, or the call, was refused"})
final class BackfillCommand implements Callable<Integer> {

    static final List<String> PARAMETERS = List.of("inputRoot", "reportDir", "catalog");

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "the first night")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "the last night (included)")
    String to;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "text (the default) or json")
    OperatorCommands.Output output;

    @Parameters(paramLabel = "name=value", description = {"inputRoot=DIR (required: one feed folder per night, "
            + "named YYYY-MM-DD)", "reportDir=DIR (default: recon.report-dir)", "catalog=FILE"})
    List<String> parameters = new ArrayList<>();

    private final Backfill backfill;
    private final JsonMapper json;
    private final String defaultReportDir;

    BackfillCommand(Backfill backfill, JsonMapper json, String defaultReportDir) {
        this.backfill = backfill;
        this.json = json;
        this.defaultReportDir = defaultReportDir;
    }

    @Override
    public Integer call() {
        List<Backfill.Night> nights;
        Map<String, String> args;
        try {
            args = Arguments.parse(parameters, PARAMETERS, "a backfill");
            nights = Backfill.range(from, to, args.get("inputRoot"));
        } catch (IllegalArgumentException e) {
            return Console.refuse(e.getMessage());
        }
        Backfill.Result result = backfill.run(nights, args.getOrDefault("reportDir", defaultReportDir),
                args.get("catalog"));
        print(result, System.out);
        result.nights().stream().filter(n -> n.outcome() == Backfill.Outcome.REFUSED).findFirst()
                .ifPresent(n -> Console.refuse("the night " + n.businessDate() + " was refused: " + n.message()));
        return result.exitCode();
    }

    private void print(Backfill.Result result, PrintStream out) {
        if (output == OperatorCommands.Output.JSON) {
            out.println(json.writeValueAsString(result));
            return;
        }
        for (Backfill.NightResult night : result.nights()) {
            out.println(line(night));
        }
    }

    /** One night of the backfill on one line: date, outcome, then the run or why. */
    static String line(Backfill.NightResult night) {
        String what = switch (night.outcome()) {
            case SKIPPED -> "already completed";
            case COMPLETED -> "run " + night.runId();
            case FAILED -> "run " + night.runId() + " ended " + night.status() + ": " + night.message();
            case REFUSED -> night.message();
            case NOT_RUN -> "not run: an earlier night did not complete";
        };
        return night.businessDate() + "\t" + night.outcome() + "\t" + what;
    }
}
