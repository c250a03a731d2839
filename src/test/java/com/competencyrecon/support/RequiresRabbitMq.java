package com.competencyrecon.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Runs a test class only when RabbitMQ answers on 127.0.0.1:5672 (guest/guest, as {@code .ci/run} starts it);
 * skips it with a visible message otherwise, and fails it in CI ({@code CI=true}), where the broker must be there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresRabbitMq.Available.class)
public @interface RequiresRabbitMq {

    String HOST = "127.0.0.1";
    int PORT = 5672;

    /** The condition: a connection to the broker's port. */
    class Available implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, PORT), 2000);
                return ConditionEvaluationResult.enabled("RabbitMQ answers on " + HOST + ":" + PORT);
            } catch (IOException e) {
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException("CI=true but RabbitMQ does not answer on " + HOST + ":" + PORT);
                }
                String message = "RabbitMQ tests SKIPPED: no broker on " + HOST + ":" + PORT + " (" + e.getMessage() + ")";
                System.err.println("*** " + message + " ***");
                return ConditionEvaluationResult.disabled(message);
            }
        }
    }
}
