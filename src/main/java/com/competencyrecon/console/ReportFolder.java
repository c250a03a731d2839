package com.competencyrecon.console;

import com.competencyrecon.console.internal.JdbcNightRuns;
import com.competencyrecon.night.NightParameters;
import com.competencyrecon.operations.OperatorService;
import com.competencyrecon.system.ReconProperties;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a night's reports are: the report folder its latest run was given (a night started by hand or by a
 * schedule may name its own), else the configured {@code recon.report-dir}. Only the files the night
 * published can be fetched, by name.
 */
@Component
class ReportFolder {

    /** A published report: its name and size. */
    record Report(String name, long bytes) {

        public String size() {
            return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024
                    ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
    }

    private final OperatorService operations;
    private final JdbcNightRuns nights;
    private final JobRepository jobRepository;
    private final ReconProperties properties;

    ReportFolder(OperatorService operations, JdbcNightRuns nights, JobRepository jobRepository,
                 ReconProperties properties) {
        this.operations = operations;
        this.nights = nights;
        this.jobRepository = jobRepository;
        this.properties = properties;
    }

    /** The night's published reports, empty when it published none. */
    List<Report> of(LocalDate date) {
        Path folder = reportDir(date).resolve(date.toString());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        return operations.reports(reportDir(date), date).stream().map(p -> new Report(p.getFileName().toString(),
                size(p))).toList();
    }

    /** One of the night's published reports, by its file name. */
    Optional<Path> file(LocalDate date, String name) {
        if (!Files.isDirectory(reportDir(date).resolve(date.toString()))) {
            return Optional.empty();
        }
        return operations.reports(reportDir(date), date).stream()
                .filter(p -> p.getFileName().toString().equals(name)).findFirst();
    }

    private Path reportDir(LocalDate date) {
        List<JdbcNightRuns.NightRun> latest = nights.page(new JdbcNightRuns.Filter(null, date, date), 0, 1);
        if (!latest.isEmpty()) {
            JobExecution execution = jobRepository.getJobExecution(latest.get(0).runId());
            String dir = execution == null ? null : execution.getJobParameters().getString(NightParameters.REPORT_DIR);
            if (dir != null) {
                return Path.of(dir);
            }
        }
        return Path.of(properties.reportDir());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
