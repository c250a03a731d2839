package com.competencyrecon.schedule;

import com.competencyrecon.system.ReconProperties;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The program as a service: reads the descriptors of the jobs folder (a bad one stops the start), makes the
 * job store follow them and starts the clustered scheduler, whose threads keep the program up.
 */
@Service
public class ScheduleService {

    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

    private final Scheduler scheduler;
    private final ScheduleRegistrar registrar;
    private final ReconProperties properties;

    public ScheduleService(Scheduler scheduler, ScheduleRegistrar registrar, ReconProperties properties) {
        this.scheduler = scheduler;
        this.registrar = registrar;
        this.properties = properties;
    }

    public List<JobDescriptor> start() throws SchedulerException {
        Path folder = Path.of(properties.jobsDir());
        if (!Files.isDirectory(folder)) {
            log.info("No jobs folder at {}: no schedules", folder.toAbsolutePath());
        }
        List<JobDescriptor> descriptors = JobDescriptors.read(folder);
        registrar.register(descriptors);
        scheduler.start();
        log.info("Scheduler {} started with {} schedule(s)", scheduler.getSchedulerInstanceId(),
                descriptors.stream().filter(JobDescriptor::enabled).count());
        return descriptors;
    }
}
