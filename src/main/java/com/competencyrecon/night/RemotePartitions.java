package com.competencyrecon.night;

import com.competencyrecon.system.Partitions;
import com.competencyrecon.system.ReconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;

import java.time.LocalDateTime;

/**
 * The manager's side of remote partitions ({@code recon.partitioning=remote}): each partition of evaluation and
 * alerts is a request on the RabbitMQ queue {@code recon.partition-queue} (the standard {@code spring.rabbitmq.*}
 * connection), taken by a worker process ({@link PartitionWorker}) that runs it against the same job repository;
 * the manager polls the repository until every partition has ended, for at most {@code recon.partition-timeout}.
 * When it gives up, the partitions still marked running are marked FAILED, so the night can be restarted and the
 * restart runs them (and only them) again.
 */
@Configuration
@ConditionalOnProperty(name = "recon.partitioning", havingValue = "remote")
@EnableIntegration
public class RemotePartitions implements OrganisationPartitions {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitions.class);

    private final ReconProperties properties;
    private final JobRepository jobRepository;

    public RemotePartitions(ReconProperties properties, JobRepository jobRepository) {
        this.properties = properties;
        this.jobRepository = jobRepository;
    }

    @Bean
    public Queue partitionRequestQueue() {
        return new Queue(properties.partitionQueue(), true);
    }

    @Bean
    public DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    /** A request goes out as text, {@code <worker step> <step execution id>}: nothing to deserialize but that. */
    @Bean
    public IntegrationFlow partitionRequestsToRabbit(AmqpTemplate amqp) {
        return IntegrationFlow.from(partitionRequests())
                .transform(StepExecutionRequest.class, PartitionWorker::text)
                .handle(Amqp.outboundAdapter(amqp).routingKey(properties.partitionQueue()))
                .get();
    }

    @Override
    public PartitionHandler handler(Step worker) {
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(worker.getName());
        handler.setGridSize(properties.partitionCount());
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(500);
        handler.setTimeout(properties.partitionTimeout().toMillis());
        MessagingTemplate requests = new MessagingTemplate();
        requests.setDefaultChannel(partitionRequests());
        handler.setMessagingOperations(requests);
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (splitter, manager) -> {
            try {
                return handler.handle(splitter, manager);
            } catch (Exception e) {
                failRunningPartitions(manager, e);
                throw e;
            }
        };
    }

    /** The partitions of the manager's step that a worker has not ended: marked FAILED, to be run again. */
    private void failRunningPartitions(StepExecution manager, Exception cause) {
        JobExecution run = jobRepository.getJobExecution(manager.getJobExecutionId());
        String prefix = manager.getStepName() + Partitions.SEPARATOR;
        for (StepExecution partition : run.getStepExecutions()) {
            if (partition.getStepName().startsWith(prefix) && partition.getStatus().isRunning()) {
                log.warn("{} has not ended ({}): marked FAILED, to be run again by the night's restart",
                        partition.getStepName(), cause.getMessage());
                partition.setStatus(BatchStatus.FAILED);
                partition.setExitStatus(ExitStatus.FAILED.addExitDescription(
                        "not ended by a worker when the manager stopped waiting: " + cause.getMessage()));
                partition.setEndTime(LocalDateTime.now());
                jobRepository.update(partition);
            }
        }
    }
}
