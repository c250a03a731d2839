package com.competencyrecon.support;

import com.competencyrecon.night.NightRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a night's feed files, runs the night through the product's runner and reads its reports. */
public final class NightHarness {

    private final NightRunner runner;
    private final Path root;

    public NightHarness(NightRunner runner, Path root) {
        this.runner = runner;
        this.root = root;
    }

    public Path inputDir(String date) {
        try {
            return Files.createDirectories(root.resolve("in").resolve(date));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path reportDir() {
        return root.resolve("reports");
    }

    /** Writes a feed file of a night: the header line then the rows, LF-terminated. */
    public NightHarness feed(String date, String file, String header, String... rows) {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        try {
            Files.writeString(inputDir(date).resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public NightRunner.Outcome run(String date) {
        return runner.run(date, inputDir(date).toString(), reportDir().toString(), null);
    }

    public NightRunner.Outcome run(String date, Path inputDir) {
        return runner.run(date, inputDir.toString(), reportDir().toString(), null);
    }

    /** A report's lines, header first. */
    public List<String> report(String date, String file) {
        try {
            return Files.readAllLines(reportDir().resolve(date).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] reportBytes(String date, String file) {
        try {
            return Files.readAllBytes(reportDir().resolve(date).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
