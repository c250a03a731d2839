package com.competencyrecon.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The packaged jar, built by the package phase before Failsafe runs: what the process tests start. */
public final class PackagedJar {

    private PackagedJar() {
    }

    /** Its absolute path under {@code target/}. */
    public static Path path() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("competency-recon-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst().map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("no packaged jar under target/: these tests drive"
                            + " the jar, run them with ./mvnw verify"));
        }
    }
}
