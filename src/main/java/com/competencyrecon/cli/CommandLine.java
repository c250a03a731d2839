package com.competencyrecon.cli;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.NightlyJobConfig;
import com.competencyrecon.night.RunningNights;
import com.competencyrecon.operations.Backfill;
import com.competencyrecon.operations.OperatorCommands;
import com.competencyrecon.schedule.ScheduleService;
import com.competencyrecon.system.ReconProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The program's command line, read with picocli once Spring Boot has started. Spring Boot takes the settings
 * ({@code --name.with.dots=value}, {@code --debug}, {@code --trace}); picocli reads every other argument: a
 * subcommand ({@code night}, {@code backfill}, {@code runs}, ...), its options and its {@code name=value}
 * parameters. The documented forms name the subcommand through settings instead:
 * {@code --spring.batch.job.name=nightlyReconciliation} is {@code night}, {@code --recon.command=NAME} is
 * {@code NAME}, and {@code recon.nights} (how {@code ./mvnw spring-boot:run} reconciles the sample programme)
 * runs every night folder under it in order. With no command the program is the scheduling service.
 * Exit codes: 0 done, 1 a night ran and did not complete, 2 the call was refused.
 */
@Component
public class CommandLine implements ApplicationRunner, ExitCodeGenerator {

    public static final int REFUSED = 2;
    public static final int FAILED = 1;

    /** The subcommands, as {@code --recon.command=} may name them too. */
    static final List<String> SUBCOMMANDS = List.of("night", "backfill", "runs", "run", "stop", "recover",
            "schedules", "reports", "serve");

    private final NightRunner runner;
    private final Backfill backfill;
    private final Environment environment;
    private final ReconProperties properties;
    private final ScheduleService service;
    private final OperatorCommands commands;
    private final JsonMapper json;
    private final RunningNights nights;
    private volatile int exitCode;
    private boolean oneShot;
    /** Counted down when a one-shot command has ended because the process was asked to end while it ran. */
    private final CountDownLatch endedByShutdown = new CountDownLatch(1);
    private volatile boolean commandRunning;

    public CommandLine(NightRunner runner, Backfill backfill, Environment environment, ReconProperties properties,
                       ScheduleService service, OperatorCommands commands, JsonMapper json, RunningNights nights) {
        this.nights = nights;
        this.runner = runner;
        this.backfill = backfill;
        this.environment = environment;
        this.properties = properties;
        this.service = service;
        this.commands = commands;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> argv = new ArrayList<>(commandArguments(args.getSourceArgs()));
        String command = environment.getProperty("recon.command");
        String jobName = environment.getProperty("spring.batch.job.name");
        if (command != null && !command.isBlank()) {
            String name = command.strip();
            if (!SUBCOMMANDS.contains(name)) {
                oneShot = true;
                exitCode = Console.refuse("unknown command '" + name + "'" + Arguments.nearest(name, SUBCOMMANDS)
                        .map(n -> " (did you mean '" + n + "'?)").orElse("") + "; the commands are "
                        + String.join(", ", SUBCOMMANDS));
                return;
            }
            argv.add(0, name);
        } else if (jobName != null && !jobName.isBlank()) {
            if (!NightlyJobConfig.JOB_NAME.equals(jobName.strip())) {
                oneShot = true;
                exitCode = Console.refuse("no job is named '" + jobName + "'; the job is " + NightlyJobConfig.JOB_NAME);
                return;
            }
            argv.add(0, "night");
        } else if (argv.isEmpty() && properties.nights() != null && !properties.nights().isBlank()) {
            oneShot = true;
            exitCode = runAllNights(Path.of(properties.nights()));
            return;
        } else if (argv.isEmpty()) {
            argv.add("serve");
        }
        oneShot = !"serve".equals(argv.get(0));
        if (!oneShot) {
            exitCode = commandLine().execute(argv.toArray(String[]::new));
            return;
        }
        SpringApplication.getShutdownHandlers().add(this::exitWithTheCommandsCode);
        commandRunning = true;
        exitCode = commandLine().execute(argv.toArray(String[]::new));
        endOfCommand();
    }

    /**
     * A one-shot command ended. When the process was asked to end meanwhile (SIGTERM: its night was stopped), the
     * shutdown under way closes the application and exits with the command's code; this thread only waits for it.
     */
    private void endOfCommand() {
        if (!nights.closing()) {
            commandRunning = false;
            return;
        }
        endedByShutdown.countDown();
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Run by Spring Boot's shutdown hook once the application is closed. A JVM ending on a signal exits with
     * 128 + the signal (143 for SIGTERM); a night stopped by SIGTERM is a night that ran and did not complete, so
     * the process exits with its command's code (1) instead, as any outside scheduler expects of a one-night run.
     */
    private void exitWithTheCommandsCode() {
        if (!commandRunning) {
            return;
        }
        try {
            long seconds = properties.shutdownWait().toSeconds() + 10;
            if (endedByShutdown.await(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(exitCode);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this start ran a command and should exit, rather than stay up as the scheduling service. */
    public boolean oneShot() {
        return oneShot;
    }

    /**
     * The arguments picocli reads: all but Spring Boot's settings. A setting has a dot in its name
     * ({@code --spring.profiles.active=mysql}, {@code --recon.report-dir=...}); {@code --debug} and
     * {@code --trace} are Boot's too. The command line's own options have no dot.
     */
    public static List<String> commandArguments(String[] sourceArgs) {
        return Arrays.stream(sourceArgs).filter(a -> !isSetting(a)).toList();
    }

    private static boolean isSetting(String arg) {
        if (!arg.startsWith("--")) {
            return false;
        }
        String name = arg.substring(2, arg.indexOf('=') < 0 ? arg.length() : arg.indexOf('='));
        return name.contains(".") || name.equals("debug") || name.equals("trace");
    }

    /** The picocli command tree over this context's services, writing to the process's current streams. */
    picocli.CommandLine commandLine() {
        picocli.CommandLine cli = new picocli.CommandLine(new ReconCommand());
        cli.addSubcommand(new NightCommand(runner));
        cli.addSubcommand(new BackfillCommand(backfill, json, properties.reportDir()));
        OperatorSubcommands.all(commands, properties.reportDir()).forEach(cli::addSubcommand);
        cli.addSubcommand(new ServeCommand(service,
                environment.getProperty("recon.scheduler.enabled", Boolean.class, true)));
        // Arguments are taken as typed: no @file expansion, and enum values in any case (--output=JSON).
        cli.setExpandAtFiles(false);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(System.out, true));
        cli.setErr(new PrintWriter(System.err, true));
        cli.setParameterExceptionHandler(CommandLine::usageError);
        // A failure inside a command is the program's failure, as it was before picocli: let it reach Spring Boot.
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            throw e;
        });
        return cli;
    }

    /** A call picocli cannot read (an unknown option, a missing required one): refused, with the way to get help. */
    private static int usageError(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        int code = Console.refuse(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for its parameters.");
        err.flush();
        return code;
    }

    private int runAllNights(Path nights) {
        List<Backfill.Night> folders;
        try {
            folders = Backfill.folders(nights);
        } catch (IllegalArgumentException e) {
            return Console.refuse(e.getMessage());
        }
        Backfill.Result result = backfill.run(folders, properties.reportDir(), null);
        result.nights().stream().filter(n -> n.outcome() == Backfill.Outcome.REFUSED).findFirst()
                .ifPresent(n -> Console.refuse(n.message()));
        return result.exitCode();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
