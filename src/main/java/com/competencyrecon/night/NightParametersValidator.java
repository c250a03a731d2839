package com.competencyrecon.night;

import com.competencyrecon.catalog.CatalogException;
import com.competencyrecon.catalog.internal.CatalogService;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.system.ReconProperties;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks a night's parameters before anything runs: a well-formed {@code businessDate}, input and report
 * folders inside the configured roots, and a catalogue that loads.
 */
@Component
public class NightParametersValidator implements JobParametersValidator {

    private final ReconProperties properties;
    private final CatalogService catalogs;

    public NightParametersValidator(ReconProperties properties, CatalogService catalogs) {
        this.properties = properties;
        this.catalogs = catalogs;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        try {
            resolve(parameters.getString(NightParameters.BUSINESS_DATE), parameters.getString(NightParameters.INPUT_DIR),
                    parameters.getString(NightParameters.REPORT_DIR), parameters.getString(NightParameters.CATALOG));
        } catch (IllegalArgumentException | CatalogException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }

    /** Resolves and checks a night's parameters; throws {@link IllegalArgumentException} or {@link CatalogException}. */
    public NightParameters resolve(String businessDate, String inputDir, String reportDir, String catalog) {
        if (businessDate == null || businessDate.isBlank()) {
            throw new IllegalArgumentException("the job parameter businessDate is required, e.g. businessDate=2026-11-24");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(businessDate.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("businessDate '" + businessDate + "' is not a date of the form YYYY-MM-DD");
        }
        Path input = insideRoots(NightParameters.INPUT_DIR, required(NightParameters.INPUT_DIR, inputDir));
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("inputDir " + input + " is not a folder");
        }
        checkFeedFiles(input);
        Path reports = insideRoots(NightParameters.REPORT_DIR, required(NightParameters.REPORT_DIR, reportDir));
        if (Files.exists(reports) && !Files.isDirectory(reports)) {
            throw new IllegalArgumentException("reportDir " + reports + " is not a folder");
        }
        String catalogPath = null;
        if (catalog != null && !catalog.isBlank()) {
            catalogPath = insideRoots(NightParameters.CATALOG, catalog).toString();
        }
        catalogs.forRun(catalogPath);
        return new NightParameters(date, input, reports, catalogPath);
    }

    /**
     * The path with every link resolved, as far as it exists (a report folder may not exist yet), so a link
     * inside a root cannot lead outside it.
     */
    static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot resolve " + path + ": " + e.getMessage());
        }
    }

    /**
     * A feed file that is there must be a readable file inside the roots. A folder, a link to nothing, a link
     * out of the roots or a file the process cannot read would otherwise fail the night half way, or (a link
     * to nothing) pass for "no file tonight"; refused before anything runs, they change nothing.
     */
    private void checkFeedFiles(Path input) {
        for (Feed feed : Feed.values()) {
            Path file = input.resolve(feed.fileName());
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("the feed file " + file + " is a link to " + linkTarget(file)
                        + ", which does not exist");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("the feed file " + file + " is not a file (a folder?)");
            }
            insideRoots("the feed file", file.toString());
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("the feed file " + file
                        + " cannot be read by this process (check its permissions)");
            }
        }
    }

    private static String linkTarget(Path link) {
        try {
            return String.valueOf(Files.readSymbolicLink(link));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return "a path";
        }
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the job parameter " + name + " is required");
        }
        return value;
    }

    private Path insideRoots(String name, String value) {
        Path path = Path.of(value).toAbsolutePath().normalize();
        List<Path> roots = properties.roots().stream().map(r -> real(Path.of(r.strip()).toAbsolutePath().normalize()))
                .toList();
        Path real = real(path);
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new IllegalArgumentException(name + " " + path + " is outside the allowed folders " + roots
                    + " (set recon.roots to allow another)");
        }
        return path;
    }
}
