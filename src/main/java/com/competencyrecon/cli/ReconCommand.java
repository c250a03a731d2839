package com.competencyrecon.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The program's top command: its subcommands do the work; alone it prints how to call them. */
@Command(name = "competency-recon", description = {"Nightly reconciliation of a partner programme's Silver and "
        + "Gold competencies.", "Spring Boot options (--spring.*, --recon.*, any --name.with.dots=value) may be "
        + "given anywhere; they are settings, not parameters of the command."},
        commandListHeading = "%nCommands:%n", footer = {"", "Run 'competency-recon COMMAND --help' for a command's "
        + "parameters. Without a command the program runs as the scheduling service."})
final class ReconCommand implements Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "prints this help and exits")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
