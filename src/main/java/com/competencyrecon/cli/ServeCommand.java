package com.competencyrecon.cli;

import com.competencyrecon.schedule.ScheduleService;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code serve}: the scheduling service, what the program is when started without a command. */
@Command(name = "serve", description = "Runs as the scheduling service: the schedules of the jobs folder fire the "
        + "nights, and the HTTP API answers. The same as starting the program without a command.")
final class ServeCommand implements Callable<Integer> {

    private final ScheduleService service;
    private final boolean schedulerEnabled;

    ServeCommand(ScheduleService service, boolean schedulerEnabled) {
        this.service = service;
        this.schedulerEnabled = schedulerEnabled;
    }

    @Override
    public Integer call() throws org.quartz.SchedulerException {
        if (schedulerEnabled) {
            service.start();
        }
        return 0;
    }
}
