package com.competencyrecon.cli;

import com.competencyrecon.night.NightParameters;
import com.competencyrecon.night.NightlyJobConfig;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.night.Refusal;
import com.competencyrecon.system.ReconProperties;
import com.competencyrecon.operations.OperatorCommands;
import com.competencyrecon.schedule.ScheduleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The program's command line. With {@code --spring.batch.job.name=nightlyReconciliation} it runs the one night
 * its {@code name=value} arguments describe and exits 0 only when that night COMPLETED. With
 * {@code recon.nights} set it runs every night folder under it (named by business date) in order, skipping
 * nights already completed: that is how {@code ./mvnw spring-boot:run} reconciles the sample programme.
 * With {@code --recon.command=...} it runs one operator command (see {@link OperatorCommands}). With none of
 * these it runs as the scheduling service: the schedules of {@code jobs/} fire the nights.
 */
@Component
public class CommandLine implements ApplicationRunner, ExitCodeGenerator {

    public static final int REFUSED = 2;

    /** The parameters of a night, as {@code name=value} arguments. */
    static final List<String> NIGHT_PARAMETERS = List.of(NightParameters.BUSINESS_DATE, NightParameters.INPUT_DIR,
            NightParameters.REPORT_DIR, NightParameters.CATALOG);
    public static final int FAILED = 1;

    private static final Logger log = LoggerFactory.getLogger(CommandLine.class);

    private final NightRunner runner;
    private final Environment environment;
    private final ReconProperties properties;
    private final ScheduleService service;
    private final OperatorCommands commands;
    private int exitCode;
    private boolean oneShot;

    public CommandLine(NightRunner runner, Environment environment, ReconProperties properties,
                       ScheduleService service, OperatorCommands commands) {
        this.commands = commands;
        this.runner = runner;
        this.environment = environment;
        this.properties = properties;
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String jobName = environment.getProperty("spring.batch.job.name");
        String command = environment.getProperty("recon.command");
        if (command != null && !command.isBlank()) {
            oneShot = true;
            String name = command.strip();
            Map<String, String> parameters;
            try {
                parameters = OperatorCommands.COMMANDS.contains(name)
                        ? Arguments.parse(args.getNonOptionArgs(), OperatorCommands.parametersOf(name),
                        "the command " + name) : parameters(args);
            } catch (IllegalArgumentException e) {
                refuse(e.getMessage());
                return;
            }
            exitCode = commands.run(name, parameters, properties.reportDir(), System.out, System.err);
        } else if (jobName != null && !jobName.isBlank()) {
            oneShot = true;
            try {
                runOneNight(jobName, Arguments.parse(args.getNonOptionArgs(), NIGHT_PARAMETERS, "a night"));
            } catch (IllegalArgumentException e) {
                refuse(e.getMessage());
            }
        } else if (properties.nights() != null && !properties.nights().isBlank()) {
            oneShot = true;
            runAllNights(Path.of(properties.nights()));
        } else if (environment.getProperty("recon.scheduler.enabled", Boolean.class, true)) {
            service.start();
        }
    }

    /** Whether this start ran a command and should exit, rather than stay up as the scheduling service. */
    public boolean oneShot() {
        return oneShot;
    }

    private void runOneNight(String jobName, Map<String, String> parameters) {
        if (!NightlyJobConfig.JOB_NAME.equals(jobName)) {
            refuse("no job is named '" + jobName + "'; the job is " + NightlyJobConfig.JOB_NAME);
            return;
        }
        NightRunner.Outcome outcome = runner.run(parameters.get(NightParameters.BUSINESS_DATE),
                parameters.get(NightParameters.INPUT_DIR), parameters.get(NightParameters.REPORT_DIR),
                parameters.get(NightParameters.CATALOG));
        record(outcome);
    }

    private void runAllNights(Path nights) {
        List<Path> folders;
        try (Stream<Path> list = Files.list(nights)) {
            folders = list.filter(Files::isDirectory).filter(p -> isDate(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the nights under " + nights, e);
        }
        if (folders.isEmpty()) {
            refuse("no night folder (named YYYY-MM-DD) under " + nights.toAbsolutePath());
            return;
        }
        for (Path folder : folders) {
            String date = folder.getFileName().toString();
            NightRunner.Outcome outcome = runner.run(date, folder.toString(), properties.reportDir(), null);
            if (outcome.refusal() != null && outcome.refusal().reason() == Refusal.Reason.ALREADY_COMPLETED) {
                log.info("Night {}: {}", date, outcome.refusal());
                continue;
            }
            record(outcome);
            if (exitCode != 0) {
                return;
            }
        }
    }

    private void record(NightRunner.Outcome outcome) {
        if (outcome.refusal() != null) {
            refuse(outcome.refusal().message());
        } else if (!outcome.completed()) {
            exitCode = FAILED;
        }
    }

    private void refuse(String reason) {
        log.error("Refused: {}", reason);
        System.err.println("competency-recon: " + reason);
        exitCode = REFUSED;
    }

    private static boolean isDate(String name) {
        try {
            LocalDate.parse(name);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Job parameters as plain {@code name=value} arguments. */
    static Map<String, String> parameters(ApplicationArguments args) {
        Map<String, String> parameters = new HashMap<>();
        for (String arg : args.getNonOptionArgs()) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                parameters.put(arg.substring(0, eq).strip(), arg.substring(eq + 1));
            }
        }
        return parameters;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
