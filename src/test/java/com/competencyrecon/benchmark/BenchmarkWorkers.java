package com.competencyrecon.benchmark;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Worker processes for the benchmark's remote partitions: the packaged jar started with the {@code worker}
 * profile on the run's database, taking partition requests from a queue of the run's own, until closed.
 */
final class BenchmarkWorkers implements AutoCloseable {

    static final String RABBIT_HOST = "127.0.0.1";
    static final int RABBIT_PORT = 5672;

    private final List<Process> processes = new ArrayList<>();
    private final String queue;

    private BenchmarkWorkers(String queue) {
        this.queue = queue;
    }

    /** Whether a broker answers, so remote partitions can be measured. */
    static boolean brokerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(RABBIT_HOST, RABBIT_PORT), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts {@code count} workers on the database and waits until each consumes the queue. */
    static BenchmarkWorkers start(int count, String url, String user, String password, String queue, Path logs)
            throws Exception {
        BenchmarkWorkers workers = new BenchmarkWorkers(queue);
        try {
            Files.createDirectories(logs);
            for (int i = 1; i <= count; i++) {
                List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g", "-jar", jar().toString(), "--spring.profiles.active=mysql,worker", "--recon.roots=/",
                        "--recon.partition-queue=" + queue);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(logs.resolve("worker-" + count + "-" + i + ".log").toFile());
                Map<String, String> env = builder.environment();
                env.put("RECON_DB_URL", url);
                env.put("RECON_DB_USER", user);
                env.put("RECON_DB_PASSWORD", password);
                workers.processes.add(builder.start());
            }
            workers.awaitConsumers(count);
            return workers;
        } catch (Exception | AssertionError e) {
            workers.close();
            throw e;
        }
    }

    private void awaitConsumers(int count) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(RABBIT_HOST);
        factory.setPort(RABBIT_PORT);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (Connection connection = factory.newConnection()) {
            while (System.nanoTime() < deadline) {
                for (Process p : processes) {
                    if (!p.isAlive()) {
                        throw new IllegalStateException("a benchmark worker ended with " + p.exitValue());
                    }
                }
                try (Channel channel = connection.createChannel()) {
                    if (channel.queueDeclarePassive(queue).getConsumerCount() >= count) {
                        return;
                    }
                } catch (IOException notDeclaredYet) {
                    // The first worker declares the queue once its context is up.
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(count + " worker(s) did not consume " + queue + " within 3 minutes");
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

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("competency-recon-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst().map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("no packaged jar under target/"));
        }
    }
}
