package com.competencyrecon.night;

import com.competencyrecon.system.ReconProperties;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The partitions run on a pool of {@code recon.partitions} threads of this process; a partitioned step waits for
 * all of its partitions. The pool is this class's own (not a bean of its type), so Spring Boot's task executor
 * for the web layer stays as it is.
 */
@Component
@ConditionalOnProperty(name = "recon.partitioning", havingValue = "local", matchIfMissing = true)
class LocalPartitions implements OrganisationPartitions, DisposableBean {

    private final int partitions;
    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

    LocalPartitions(ReconProperties properties) {
        this.partitions = properties.partitionCount();
        pool.setCorePoolSize(partitions);
        pool.setMaxPoolSize(partitions);
        pool.setThreadNamePrefix("partition-");
        pool.setDaemon(true);
        pool.initialize();
    }

    @Override
    public PartitionHandler handler(Step worker) {
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(worker);
        handler.setTaskExecutor(pool);
        handler.setGridSize(partitions);
        return handler;
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
