package com.competencyrecon.cli;

import com.competencyrecon.operations.OperatorCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The operator commands as subcommands: each reads its {@code name=value} parameters the way a night does (an
 * unknown name is refused, naming the one meant) and runs in {@link OperatorCommands}.
 */
final class OperatorSubcommands {

    private OperatorSubcommands() {
    }

    /** The subcommands, each bound to the commands and the default report folder. */
    static List<Operation> all(OperatorCommands commands, String reportDir) {
        List<Operation> all = List.of(new Runs(), new Run(), new Stop(), new Recover(), new Schedules(), new Reports());
        all.forEach(o -> o.bind(commands, reportDir));
        return all;
    }

    /** A command that changes a run: no JSON, its one line of result is the output. */
    abstract static class Operation implements Callable<Integer> {

        @Parameters(paramLabel = "name=value", description = "the command's parameters (see above)")
        List<String> parameters = new ArrayList<>();

        private OperatorCommands commands;
        private String reportDir;

        void bind(OperatorCommands commands, String reportDir) {
            this.commands = commands;
            this.reportDir = reportDir;
        }

        abstract String name();

        OperatorCommands.Output output() {
            return OperatorCommands.Output.TEXT;
        }

        @Override
        public Integer call() {
            Map<String, String> args;
            try {
                args = Arguments.parse(parameters, OperatorCommands.parametersOf(name()), "the command " + name());
            } catch (IllegalArgumentException e) {
                return Console.refuse(e.getMessage());
            }
            return commands.run(name(), args, reportDir, output(), System.out, System.err);
        }
    }

    /** A command that lists: text for people, or with {@code --output=json} the JSON of the HTTP API. */
    abstract static class Listing extends Operation {

        @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
                description = "text (the default) or json, the JSON the HTTP API answers")
        OperatorCommands.Output output;

        @Override
        OperatorCommands.Output output() {
            return output;
        }
    }

    @Command(name = "runs", description = {"Lists the runs, newest first, with status and times.",
            "Parameters: [businessDate=YYYY-MM-DD] (only that night's runs)"})
    static final class Runs extends Listing {
        @Override
        String name() {
            return "runs";
        }
    }

    @Command(name = "run", description = {"Shows one run: its steps with read / written / skipped / rejected "
            + "counts, and why it failed.", "Parameters: id=N (the number of a run, see runs)"})
    static final class Run extends Listing {
        @Override
        String name() {
            return "run";
        }
    }

    @Command(name = "stop", description = {"Asks a running night to stop at its next chunk; it can then be "
            + "restarted.", "Parameters: id=N"})
    static final class Stop extends Operation {
        @Override
        String name() {
            return "stop";
        }
    }

    @Command(name = "recover", description = {"Marks a run a crash left running as failed, so its night can be "
            + "restarted.", "Parameters: id=N"})
    static final class Recover extends Operation {
        @Override
        String name() {
            return "recover";
        }
    }

    @Command(name = "schedules", description = "Lists the schedule descriptors of the jobs folder and their next "
            + "firing.")
    static final class Schedules extends Listing {
        @Override
        String name() {
            return "schedules";
        }
    }

    @Command(name = "reports", description = {"Lists a night's reports, or prints one.",
            "Parameters: businessDate=YYYY-MM-DD [reportDir=DIR] [file=NAME]"})
    static final class Reports extends Listing {
        @Override
        String name() {
            return "reports";
        }
    }
}
