package com.competencyrecon.night;

import com.competencyrecon.system.ParameterNames;
import com.competencyrecon.system.ReconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageHeaders;

import java.time.LocalDateTime;

/**
 * A worker process (the {@code worker} profile): takes partition requests from the RabbitMQ queue
 * {@code recon.partition-queue} one at a time and runs each with its worker step against the shared job
 * repository; it runs no night and no schedule of its own. A request the broker delivers again because the
 * worker that had it died while running it is not run twice: that partition is marked FAILED (so its manager
 * fails the step, and the night's restart runs it again from its last committed chunk). A request whose
 * partition had not started yet is simply run.
 */
@Configuration
@Profile("worker")
@EnableIntegration
public class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final ReconProperties properties;
    private final JobRepository jobRepository;

    public PartitionWorker(ReconProperties properties, JobRepository jobRepository) {
        this.properties = properties;
        this.jobRepository = jobRepository;
    }

    /** A request as it travels: the worker step's name and the partition's step execution id. */
    static String text(StepExecutionRequest request) {
        return request.getStepName() + " " + request.getStepExecutionId();
    }

    @Bean
    public Queue partitionWorkerQueue() {
        return new Queue(properties.partitionQueue(), true);
    }

    @Bean
    public StepExecutionRequestHandler stepExecutionRequestHandler(BeanFactory beans) {
        BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
        steps.setBeanFactory(beans);
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setStepLocator(steps);
        handler.setJobRepository(jobRepository);
        return handler;
    }

    @Bean
    public IntegrationFlow partitionRequestsFromRabbit(ConnectionFactory rabbit, StepExecutionRequestHandler handler) {
        return IntegrationFlow.from(Amqp.inboundAdapter(rabbit, properties.partitionQueue())
                        // One partition at a time, and none held back: a busy worker leaves the next to another.
                        .configureContainer(container -> container.prefetchCount(1).concurrentConsumers(1)
                                .defaultRequeueRejected(false)))
                .handle(String.class, (payload, headers) -> {
                    run(payload, headers, handler);
                    return null;
                })
                .get();
    }

    private void run(String text, MessageHeaders headers, StepExecutionRequestHandler handler) {
        String[] parts = text.strip().split(" ");
        StepExecutionRequest request = new StepExecutionRequest(parts[0], Long.parseLong(parts[1]));
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            log.warn("Partition request {} names no step execution of this job repository: dropped", text);
            return;
        }
        boolean redelivered = Boolean.TRUE.equals(headers.get(AmqpHeaders.REDELIVERED));
        if (redelivered && partition.getStatus() != BatchStatus.STARTING) {
            if (partition.getStatus().isRunning()) {
                log.warn("{} was left {} by a worker that stopped while running it: marked FAILED, to be run again"
                        + " by the night's restart", partition.getStepName(), partition.getStatus());
                partition.setStatus(BatchStatus.FAILED);
                partition.setExitStatus(ExitStatus.FAILED.addExitDescription(
                        "the worker running this partition stopped before it ended"));
                partition.setEndTime(LocalDateTime.now());
                jobRepository.update(partition);
            }
            return;
        }
        log.info("Running {} of the night {} ({})", partition.getStepName(),
                partition.getJobExecution().getJobParameters().getString(ParameterNames.BUSINESS_DATE),
                request.getStepName());
        handler.handle(request);
    }
}
