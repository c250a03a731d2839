package com.competencyrecon.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.time.Duration;

/** The RabbitMQ queue remote partitions go through, as the tests and the benchmark watch it. */
public final class PartitionQueue {

    private PartitionQueue() {
    }

    /**
     * Waits until {@code count} workers consume {@code queue} (the first worker declares it once its context is
     * up), calling {@code stillUp} between looks so that a worker that died fails the wait at once.
     */
    public static void awaitConsumers(String queue, int count, Duration within, Runnable stillUp) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(RequiresRabbitMq.HOST);
        factory.setPort(RequiresRabbitMq.PORT);
        long deadline = System.nanoTime() + within.toNanos();
        try (Connection connection = factory.newConnection()) {
            while (System.nanoTime() < deadline) {
                stillUp.run();
                try (Channel channel = connection.createChannel()) {
                    if (channel.queueDeclarePassive(queue).getConsumerCount() >= count) {
                        return;
                    }
                } catch (IOException notDeclaredYet) {
                    // The queue is declared by the first worker once its context is up.
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError(count + " worker(s) did not consume " + queue + " within " + within);
    }
}
