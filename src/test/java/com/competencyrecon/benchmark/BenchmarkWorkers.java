package com.competencyrecon.benchmark;

import com.competencyrecon.support.PackagedJar;
import com.competencyrecon.support.PartitionQueue;
import com.competencyrecon.support.RequiresRabbitMq;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Worker processes for the benchmark's remote partitions: the packaged jar started with the {@code worker}
 * profile on the run's database, taking partition requests from a queue of the run's own, until closed.
 */
final class BenchmarkWorkers implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private BenchmarkWorkers() {
    }

    /** Whether a broker answers, so remote partitions can be measured. */
    static boolean brokerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(RequiresRabbitMq.HOST, RequiresRabbitMq.PORT), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts {@code count} workers on the database and waits until each consumes the queue. */
    static BenchmarkWorkers start(int count, String url, String user, String password, String queue, Path logs)
            throws Exception {
        BenchmarkWorkers workers = new BenchmarkWorkers();
        try {
            Files.createDirectories(logs);
            for (int i = 1; i <= count; i++) {
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g", "-jar", PackagedJar.path().toString(), "--spring.profiles.active=mysql,worker", "--recon.roots=/",
                        "--recon.partition-queue=" + queue);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(logs.resolve("worker-" + count + "-" + i + ".log").toFile());
                Map<String, String> env = builder.environment();
                env.put("RECON_DB_URL", url);
                env.put("RECON_DB_USER", user);
                env.put("RECON_DB_PASSWORD", password);
                workers.processes.add(builder.start());
            }
            PartitionQueue.awaitConsumers(queue, count, Duration.ofMinutes(3), () -> {
                for (Process p : workers.processes) {
                    if (!p.isAlive()) {
                        throw new IllegalStateException("a benchmark worker ended with " + p.exitValue());
                    }
                }
            });
            return workers;
        } catch (Exception | AssertionError e) {
            workers.close();
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
