package com.competencyrecon.guarantees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar as the process tests start it, many times over: extracted once (Spring Boot's
 * {@code -Djarmode=tools extract}) with a class-data archive recorded by one training start, and run with the
 * client compiler only. A tiny night then starts in about a third of the time of a plain {@code java -jar},
 * which is most of what a test that starts the jar dozens of times spends. The work the night does is the
 * same: the same jar's classes, the same arguments. When the jar cannot be prepared so, the plain
 * {@code java -jar} is used, with a line saying why.
 */
final class QuickStartJar {

    private static final Path DIR = Path.of("target", "quick-start-jar").toAbsolutePath();
    private static List<String> command;

    private QuickStartJar() {
    }

    /**
     * {@code java}, the given JVM options and the rest up to and including the jar, for a process to add its
     * arguments to.
     */
    static synchronized List<String> javaCommand(String... jvmOptions) throws IOException {
        if (command == null) {
            command = prepare(NightProcess.jar().toAbsolutePath());
        }
        List<String> withOptions = new ArrayList<>(command.subList(0, 1));
        withOptions.addAll(List.of(jvmOptions));
        withOptions.addAll(command.subList(1, command.size()));
        return withOptions;
    }

    private static List<String> prepare(Path jar) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path extracted = DIR.resolve("app").resolve(jar.getFileName());
        Path archive = DIR.resolve("app.jsa");
        List<String> quick = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
        FileTime built = Files.getLastModifiedTime(jar);
        if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(built) > 0) {
            return quick;
        }
        try {
            deleteTree(DIR);
            Files.createDirectories(DIR);
            run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    DIR.resolve("app").toString()), "extract");
            // The training start: the context refreshes (on the embedded database in this folder) and the JVM
            // writes the classes it loaded.
            run(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                    extracted.toString()), "train");
            if (Files.exists(extracted) && Files.exists(archive)) {
                return quick;
            }
            System.out.println("quick-start jar: no archive was written; starting the plain jar");
        } catch (IOException | InterruptedException e) {
            System.out.println("quick-start jar: " + e.getMessage() + "; starting the plain jar");
        }
        return List.of(java, "-jar", jar.toString());
    }

    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Path log = DIR.resolve(what + ".log");
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(what + " did not end within 2 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException(what + " exited " + process.exitValue() + "; see " + log);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
                for (Path p : all) {
                    Files.delete(p);
                }
            }
        }
    }
}
