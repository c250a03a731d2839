package com.competencyrecon.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's figures: written as {@code results.json} (flat figures first, then each night's steps) and
 * printed as a table with the same figures. JSON is written by hand: values are numbers, text, lists and maps.
 */
final class BenchmarkResults {

    /** One step of one night: seconds, records read and written, records read per second. */
    record Step(String name, double seconds, long read, long written) {

        Double rowsPerSecond() {
            return seconds > 0 && read > 0 ? read / seconds : null;
        }
    }

    /** One night as a fresh process would run it: context start, the night's steps, context close. */
    record Night(String kind, String date, double startSeconds, double runSeconds, double closeSeconds,
                 double peakHeapMb, double peakHeapSampledMb, long rejects, List<Step> steps) {

        double totalSeconds() {
            return startSeconds + runSeconds + closeSeconds;
        }

        Step step(String name) {
            return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the night ran no step " + name));
        }
    }

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Night> nights = new ArrayList<>();

    BenchmarkResults put(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    BenchmarkResults night(Night night) {
        nights.add(night);
        return this;
    }

    void write(Path file) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>(figures);
        List<Object> list = new ArrayList<>();
        for (Night n : nights) {
            Map<String, Object> night = new LinkedHashMap<>();
            night.put("night", n.kind());
            night.put("business_date", n.date());
            night.put("context_start_seconds", n.startSeconds());
            night.put("run_seconds", n.runSeconds());
            night.put("context_close_seconds", n.closeSeconds());
            night.put("total_seconds", n.totalSeconds());
            night.put("peak_heap_mb", n.peakHeapMb());
            night.put("peak_heap_sampled_mb", n.peakHeapSampledMb());
            night.put("rejects", n.rejects());
            List<Object> steps = new ArrayList<>();
            for (Step s : n.steps()) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("step", s.name());
                step.put("seconds", s.seconds());
                step.put("read", s.read());
                step.put("written", s.written());
                step.put("rows_per_second", s.rowsPerSecond());
                steps.add(step);
            }
            night.put("steps", steps);
            list.add(night);
        }
        all.put("nights", list);
        StringBuilder json = new StringBuilder();
        json(json, all, "");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.append('\n'), StandardCharsets.UTF_8);
    }

    /** The figures, then one row per step with both nights side by side. */
    String table() {
        StringBuilder t = new StringBuilder("\n=== programme benchmark ===\n");
        figures.forEach((k, v) -> t.append(String.format(Locale.ROOT, "%-34s %s%n", k, text(v))));
        t.append(String.format(Locale.ROOT, "%n%-22s", "step"));
        for (Night n : nights) {
            t.append(String.format(Locale.ROOT, " | %-11s %9s %10s %10s", n.kind(), "seconds", "read", "rows/s"));
        }
        t.append('\n');
        List<String> names = new ArrayList<>(List.of("context start"));
        nights.get(0).steps().forEach(s -> names.add(s.name()));
        names.add("context close");
        names.add("night total");
        for (String name : names) {
            t.append(String.format(Locale.ROOT, "%-22s", name));
            for (Night n : nights) {
                Step s = switch (name) {
                    case "context start" -> new Step(name, n.startSeconds(), 0, 0);
                    case "context close" -> new Step(name, n.closeSeconds(), 0, 0);
                    case "night total" -> new Step(name, n.totalSeconds(), 0, 0);
                    default -> n.steps().stream().filter(x -> x.name().equals(name)).findFirst()
                            .orElse(new Step(name, 0, 0, 0));
                };
                Double rate = s.rowsPerSecond();
                t.append(String.format(Locale.ROOT, " | %-11s %9.2f %10s %10s", "", s.seconds(),
                        s.read() > 0 ? Long.toString(s.read()) : "", rate == null ? "" : String.format(Locale.ROOT, "%.0f", rate)));
            }
            t.append('\n');
        }
        return t.toString();
    }

    private static String text(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static void json(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append("{\n");
            int i = 0;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                out.append(indent).append("  ");
                string(out, e.getKey());
                out.append(": ");
                json(out, e.getValue(), indent + "  ");
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(indent).append("  ");
                json(out, list.get(i), indent + "  ");
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (value instanceof Double d) {
            out.append(d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.3f", d));
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
