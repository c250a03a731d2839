package com.competencyrecon.cli;

import com.competencyrecon.night.NightParameters;
import com.competencyrecon.night.NightRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code night businessDate=D inputDir=DIR reportDir=DIR [catalog=FILE]}: runs, reruns or restarts one night. */
@Command(name = "night", description = {"Runs one night: starts it, or restarts it from where it stopped when its "
        + "last run failed or was stopped. A night that already completed is refused.",
        "Also: --spring.batch.job.name=nightlyReconciliation name=value..."},
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:the night COMPLETED",
        "1:the night ran and did not complete", "2:the call was refused; nothing ran"})
final class NightCommand implements Callable<Integer> {

    /** The parameters of a night, as {@code name=value} arguments. */
    static final List<String> PARAMETERS = List.of(NightParameters.BUSINESS_DATE, NightParameters.INPUT_DIR,
            NightParameters.REPORT_DIR, NightParameters.CATALOG);

    @Parameters(paramLabel = "name=value", description = {"businessDate=YYYY-MM-DD (required: it identifies the "
            + "night)", "inputDir=DIR (the night's feeds)", "reportDir=DIR (reports go to DIR/<businessDate>)",
            "catalog=FILE (default: recon.catalog, else the bundled one)"})
    List<String> parameters = new ArrayList<>();

    private final NightRunner runner;

    NightCommand(NightRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        Map<String, String> night;
        try {
            night = Arguments.parse(parameters, PARAMETERS, "a night");
        } catch (IllegalArgumentException e) {
            return Console.refuse(e.getMessage());
        }
        NightRunner.Outcome outcome = runner.run(night.get(NightParameters.BUSINESS_DATE),
                night.get(NightParameters.INPUT_DIR), night.get(NightParameters.REPORT_DIR),
                night.get(NightParameters.CATALOG));
        if (outcome.refusal() != null) {
            return Console.refuse(outcome.refusal().message());
        }
        return outcome.completed() ? 0 : CommandLine.FAILED;
    }
}
