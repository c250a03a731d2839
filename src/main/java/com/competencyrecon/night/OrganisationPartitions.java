package com.competencyrecon.night;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.step.Step;

/**
 * Where the partitions of evaluation and alerts run ({@code recon.partitioning}): on a pool of this process's
 * threads ({@link LocalPartitions}), or on worker processes reached over RabbitMQ.
 */
public interface OrganisationPartitions {

    /** The handler that runs a partitioned step's partitions with {@code worker}, {@code recon.partitions} of them. */
    PartitionHandler handler(Step worker);
}
