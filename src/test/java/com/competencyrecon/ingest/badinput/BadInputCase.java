package com.competencyrecon.ingest.badinput;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One folder of {@code src/test/resources/bad-input/}: the feed files of a night and its {@code expected.properties}
 * (see that folder's README for the keys).
 */
record BadInputCase(String name, Path folder, Properties expected) {

    /** The folder every case's night builds on; not a case itself. */
    static final String BASE_NIGHT = "base-night";

    enum Outcome { REJECTS, FAILURE, REFUSED }

    static Path corpus() {
        try {
            return Path.of(BadInputCase.class.getResource("/bad-input").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> names() {
        try (Stream<Path> folders = Files.list(corpus())) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(BASE_NIGHT)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BadInputCase load(String name) {
        Path folder = corpus().resolve(name);
        Properties expected = new Properties();
        try (Reader in = Files.newBufferedReader(folder.resolve("expected.properties"), StandardCharsets.UTF_8)) {
            expected.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read expected.properties of " + name, e);
        }
        return new BadInputCase(name, folder, expected);
    }

    Outcome outcome() {
        return Outcome.valueOf(required("outcome").toUpperCase(java.util.Locale.ROOT));
    }

    String required(String key) {
        String value = expected.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + "/expected.properties lacks " + key);
        }
        return value.strip();
    }

    String optional(String key) {
        return expected.getProperty(key);
    }

    /** The values of {@code prefix.1}, {@code prefix.2}, ... in order. */
    List<String> numbered(String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 1; expected.containsKey(prefix + "." + i); i++) {
            values.add(expected.getProperty(prefix + "." + i));
        }
        return values;
    }

    /** {@code prefix.<name>=value} entries, by name. */
    Map<String, String> named(String prefix) {
        Map<String, String> values = new TreeMap<>();
        expected.stringPropertyNames().stream().filter(k -> k.startsWith(prefix + "."))
                .forEach(k -> values.put(k.substring(prefix.length() + 1), expected.getProperty(k)));
        return values;
    }

    /** The feed files of the case (everything but its expected outcome). */
    List<Path> files() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().equals("expected.properties")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
