package com.competencyrecon.schedule;

import com.competencyrecon.night.NightlyJobConfig;
import org.quartz.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the {@code jobs/} folder: one YAML descriptor per scheduled job. A missing folder means no schedules;
 * a descriptor that cannot be used stops the start with a message naming the file and the field.
 *
 * <pre>
 * job: nightlyReconciliation
 * cron: "0 30 2 * * ?"
 * timeZone: UTC
 * enabled: true
 * businessDateOffsetDays: -1
 * parameters:
 *   inputDir: feeds/{businessDate}
 *   reportDir: reports
 * catchUp:              # optional: each firing runs the earliest night of the range not completed yet
 *   from: 2026-11-01
 *   to: 2026-11-20      # optional: default, the night the firing is due for
 * </pre>
 */
public final class JobDescriptors {

    private static final Set<String> FIELDS = Set.of("job", "cron", "timeZone", "enabled", "businessDateOffsetDays",
            "parameters", "catchUp");
    private static final Set<String> PARAMETERS = Set.of("inputDir", "reportDir", "catalog");

    private JobDescriptors() {
    }

    public static List<JobDescriptor> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml")
                    || p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        List<JobDescriptor> descriptors = new ArrayList<>();
        for (Path file : files) {
            descriptors.add(read(file, file.getFileName().toString().replaceFirst("\\.ya?ml$", "")));
        }
        return descriptors;
    }

    static JobDescriptor read(Path file, String name) {
        Object document;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new JobDescriptorException(file + ": cannot read the descriptor (" + e.getMessage() + ")");
        } catch (YAMLException e) {
            throw new JobDescriptorException(file + ": not valid YAML: " + e.getMessage());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new JobDescriptorException(file + ": a descriptor is a mapping of fields");
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(key))) {
                throw new JobDescriptorException(file + ": unknown field '" + key + "' (known: " + FIELDS + ")");
            }
        }
        String job = text(file, map, "job", true);
        if (!NightlyJobConfig.JOB_NAME.equals(job)) {
            throw new JobDescriptorException(file + ": field 'job': no job is named '" + job + "'; the job is "
                    + NightlyJobConfig.JOB_NAME);
        }
        String cron = text(file, map, "cron", true);
        if (!CronExpression.isValidExpression(cron)) {
            throw new JobDescriptorException(file + ": field 'cron': '" + cron
                    + "' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
        }
        ZoneId zone;
        String zoneText = text(file, map, "timeZone", false);
        try {
            zone = zoneText == null ? ZoneId.of("UTC") : ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new JobDescriptorException(file + ": field 'timeZone': '" + zoneText + "' is not a time zone");
        }
        Object enabled = map.containsKey("enabled") ? map.get("enabled") : Boolean.TRUE;
        if (!(enabled instanceof Boolean)) {
            throw new JobDescriptorException(file + ": field 'enabled': '" + enabled + "' is not true or false");
        }
        Object offset = map.containsKey("businessDateOffsetDays") ? map.get("businessDateOffsetDays") : -1;
        if (!(offset instanceof Integer)) {
            throw new JobDescriptorException(file + ": field 'businessDateOffsetDays': '" + offset
                    + "' is not a whole number of days");
        }
        Object parameters = map.get("parameters");
        if (!(parameters instanceof Map<?, ?> given)) {
            throw new JobDescriptorException(file + ": field 'parameters' is required, with inputDir and reportDir");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : given.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!PARAMETERS.contains(key)) {
                throw new JobDescriptorException(file + ": field 'parameters." + key + "' is not a parameter of the job"
                        + " (known: " + PARAMETERS + "; businessDate comes from the schedule)");
            }
            if (e.getValue() == null || String.valueOf(e.getValue()).isBlank()) {
                throw new JobDescriptorException(file + ": field 'parameters." + key + "' is empty");
            }
            values.put(key, String.valueOf(e.getValue()));
        }
        for (String required : List.of("inputDir", "reportDir")) {
            if (!values.containsKey(required)) {
                throw new JobDescriptorException(file + ": field 'parameters." + required + "' is required");
            }
        }
        return new JobDescriptor(name, job, cron, zone, (Boolean) enabled, (Integer) offset, values,
                catchUp(file, map.get("catchUp")));
    }

    private static JobDescriptor.CatchUp catchUp(Path file, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> range)) {
            throw new JobDescriptorException(file + ": field 'catchUp' is a mapping with from (and to)");
        }
        for (Object key : range.keySet()) {
            if (!Set.of("from", "to").contains(String.valueOf(key))) {
                throw new JobDescriptorException(file + ": unknown field 'catchUp." + key + "' (known: from, to)");
            }
        }
        LocalDate from = date(file, "catchUp.from", range.get("from"));
        if (from == null) {
            throw new JobDescriptorException(file + ": field 'catchUp.from' is required (the first night, YYYY-MM-DD)");
        }
        LocalDate to = date(file, "catchUp.to", range.get("to"));
        if (to != null && to.isBefore(from)) {
            throw new JobDescriptorException(file + ": field 'catchUp.to': " + to + " is before from " + from);
        }
        return new JobDescriptor.CatchUp(from, to);
    }

    /** YAML reads an unquoted 2026-11-01 as a timestamp at midnight UTC, a quoted one as text: both are dates. */
    private static LocalDate date(Path file, String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new JobDescriptorException(file + ": field '" + field + "': '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static String text(Path file, Map<?, ?> map, String field, boolean required) {
        Object value = map.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            if (required) {
                throw new JobDescriptorException(file + ": field '" + field + "' is required");
            }
            return null;
        }
        if (!(value instanceof String)) {
            throw new JobDescriptorException(file + ": field '" + field + "': '" + value + "' is not text");
        }
        return ((String) value).strip();
    }
}
