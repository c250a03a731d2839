package com.competencyrecon.guarantees;

import com.competencyrecon.support.PackagedJar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One night run by the packaged jar in a JVM of its own, on a MySQL/MariaDB database, as an operator or an
 * outside scheduler starts it; its output goes to a log file beside the feeds. The process can be killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Unix), as a crash or an operator's {@code kill -9} would.
 */
final class NightProcess {

    /** The packaged jar, built by the package phase before Failsafe runs. */
    static Path jar() throws IOException {
        return PackagedJar.path();
    }

    private final Process process;
    private final Path log;

    private NightProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the night {@code date} on the database {@code url}, reading {@code inputDir} and publishing under
     * {@code reportDir}, allowed to read and write under {@code roots}, with the given extra settings ({@code --recon.chunk-size=...}).
     */
    static NightProcess start(Path roots, Path workDir, String url, String user, String password, String date, Path inputDir,
                              Path reportDir, List<String> settings, String attempt) throws IOException {
        List<String> command = new ArrayList<>(QuickStartJar.javaCommand("-Xmx1g"));
        command.addAll(List.of("--spring.profiles.active=mysql", "--spring.batch.job.name=nightlyReconciliation",
                "--recon.roots=" + roots.toAbsolutePath()));
        command.addAll(settings);
        command.addAll(List.of("businessDate=" + date, "inputDir=" + inputDir.toAbsolutePath(),
                "reportDir=" + reportDir.toAbsolutePath()));
        Path log = workDir.resolve("night-" + date + "-" + attempt + ".log");
        return launch(command, workDir, log, url, user, password);
    }

    /**
     * Starts the scheduling service ({@code serve}) on the database {@code url}, with the descriptors of
     * {@code jobsDir}, on a port of the system's choosing, with the given extra settings; its output goes to
     * {@code workDir/serve-<name>.log}.
     */
    static NightProcess serve(Path roots, Path workDir, String url, String user, String password, Path jobsDir,
                              List<String> settings, String name) throws IOException {
        List<String> command = new ArrayList<>(QuickStartJar.javaCommand("-Xmx512m"));
        command.addAll(List.of("serve", "--spring.profiles.active=mysql", "--server.port=0",
                "--recon.roots=" + roots.toAbsolutePath(), "--recon.jobs-dir=" + jobsDir.toAbsolutePath()));
        command.addAll(settings);
        Path log = workDir.resolve("serve-" + name + ".log");
        return launch(command, workDir, log, url, user, password);
    }

    /**
     * Starts a worker of remote partitions ({@code worker} profile) on the database {@code url}: it stays up, taking
     * partition requests from the queue the settings name, until it is killed.
     */
    static NightProcess worker(Path roots, Path workDir, String url, String user, String password,
                               List<String> settings, String name) throws IOException {
        List<String> command = new ArrayList<>(QuickStartJar.javaCommand("-Xmx512m"));
        command.addAll(List.of("--spring.profiles.active=mysql,worker", "--recon.roots=" + roots.toAbsolutePath()));
        command.addAll(settings);
        Path log = workDir.resolve("worker-" + name + ".log");
        return launch(command, workDir, log, url, user, password);
    }

    /** Starts the command in {@code workDir} on the database {@code url}, its output to {@code log}. */
    private static NightProcess launch(List<String> command, Path workDir, Path log, String url, String user,
                                       String password) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("RECON_DB_URL", url);
        env.put("RECON_DB_USER", user);
        env.put("RECON_DB_PASSWORD", password);
        return new NightProcess(builder.start(), log);
    }

    /** Sends SIGTERM ({@link Process#destroy()} on Unix), as a supervisor stopping the process does, and waits. */
    int terminate(int seconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the process did not end within " + seconds + " s of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGKILL and waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed night did not end");
        }
    }

    /** Waits for the night to end and returns its exit code. */
    int waitFor(int minutes) throws InterruptedException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the night did not end within " + minutes + " minutes; see " + log);
        }
        return process.exitValue();
    }

    /**
     * Waits, on a connection of the caller's own to {@code url}, until the process is inside {@code step}: its
     * latest execution STARTED with at least {@code commits} chunks committed. Fails if the process ends first.
     */
    void waitUntilInside(String url, String user, String password, String step, long commits) throws Exception {
        long deadline = System.nanoTime() + 5 * 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the process ended before it was inside " + step + "; its log ends:\n" + tail());
            }
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
                 java.sql.PreparedStatement s = c.prepareStatement("""
                         SELECT STATUS, COMMIT_COUNT FROM BATCH_STEP_EXECUTION
                          WHERE STEP_NAME = ? ORDER BY STEP_EXECUTION_ID DESC LIMIT 1""")) {
                s.setString(1, step);
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getString(1).equals("STARTED") && rs.getLong(2) >= commits) {
                        return;
                    }
                }
            } catch (java.sql.SQLException e) {
                // the schema is not there yet: the process is still starting
            }
            Thread.sleep(5);
        }
        kill();
        throw new AssertionError("the process was not inside " + step + " within 5 minutes; see " + log);
    }

    Path log() {
        return log;
    }

    /** The last lines of the log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Deletes a test's working folder, if there is one. */
    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
