package com.competencyrecon.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The product's settings, validated at start.
 *
 * @param zone             the zone of the business day and of instants written without an offset
 * @param latency          how old a link or achievement must be at the cut-off to count
 * @param roots            the only folders feeds, catalogues and reports may be read from or written to;
 *                         relative ones resolve against the working directory (plain strings: a
 *                         path is never looked up on the class path)
 * @param catalog          the catalogue used when a run names none; empty = the bundled default
 * @param chunkSize        records per transaction in the ingest and evaluation steps
 * @param bulkChunkSize    records per transaction of a feed loaded in bulk (MySQL/MariaDB): one staging slice,
 *                         the most a crash makes a restart load again
 * @param bulkLoad         whether MySQL/MariaDB feed tables and the night's competency results are loaded in
 *                         bulk (LOAD DATA LOCAL INFILE); off, they take the batched path the embedded database takes
 * @param organisationPages whether a night also publishes one page per organisation ({@code organisations/}),
 *                         saying who counted toward each level and what is missing for the next; off by default,
 *                         as a programme's pages outweigh all its other reports together
 * @param rejectLimit      rejects one feed may have in one night before the night fails
 * @param expiryHorizonDays how far ahead membership-expiry.csv looks for anniversaries
 * @param progressInterval how often long steps log their progress
 * @param nights           for a run with no job name: a folder of night folders named by business date, run
 *                         in order (the bundled sample programme by default)
 * @param reportDir        where such a run writes reports, and where the API and the reports command read them
 * @param jobsDir          the folder of schedule descriptors read when the program runs as a service
 * @param logDir           where each run of a night writes its own log file ({@code run-<date>#<id>.log})
 * @param evaluation       {@code incremental}: a night recomputes only the organisations that can have changed
 *                         since the previous one; {@code full}: every organisation, every night
 * @param partitions       partitions evaluation and alerts split the night's organisations into, each a range of
 *                         consecutive ids run and restarted on its own; empty = the number of processors
 * @param partitioning     {@code local}: the partitions run on a pool of that many threads of this process;
 *                         {@code remote}: they are sent over RabbitMQ to worker processes (the {@code worker}
 *                         profile) sharing the job repository
 * @param partitionTimeout how long a remote evaluation or alerts step waits for its partitions before it fails
 *                         (a partition whose worker died is marked FAILED then, and the night can be restarted)
 * @param partitionQueue   the RabbitMQ queue remote partition requests go through (declared durable by the
 *                         manager and the workers; a manager and its workers must name the same one)
 * @param health           what the scheduling service's health says of the nights
 * @param metrics          where a one-night run sends its metrics before it exits
 * @param shutdownWait     how long a process asked to end (SIGTERM) waits for its running night to stop at its
 *                         next chunk before it closes the database anyway
 */
@Validated
@ConfigurationProperties("recon")
public record ReconProperties(
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @NotNull @DefaultValue("24h") Duration latency,
        @NotNull @DefaultValue(".") List<String> roots,
        @DefaultValue("") String catalog,
        @Min(1) @DefaultValue("1000") int chunkSize,
        @Min(1) @DefaultValue("20000") int bulkChunkSize,
        @DefaultValue("true") boolean bulkLoad,
        @DefaultValue("false") boolean organisationPages,
        @Min(0) @DefaultValue("1000") int rejectLimit,
        @Min(0) @DefaultValue("90") int expiryHorizonDays,
        @NotNull @DefaultValue("10s") Duration progressInterval,
        @DefaultValue("") String nights,
        @DefaultValue("reports") String reportDir,
        @DefaultValue("jobs") String jobsDir,
        @DefaultValue("logs") String logDir,
        @NotNull @DefaultValue("incremental") Evaluation evaluation,
        @Min(1) Integer partitions,
        @NotNull @DefaultValue("local") Partitioning partitioning,
        @NotNull @DefaultValue("2h") Duration partitionTimeout,
        @NotNull @DefaultValue("competency-recon.partitions") String partitionQueue,
        @NotNull @Valid @DefaultValue Health health,
        @NotNull @Valid @DefaultValue Metrics metrics,
        @NotNull @DefaultValue("30s") Duration shutdownWait) {

    /**
     * The health of the nights.
     *
     * @param maxNightAge how long ago the last COMPLETED night may have ended before the lastNight health
     *                    is DOWN
     */
    public record Health(@NotNull @DefaultValue("26h") Duration maxNightAge) {
    }

    /**
     * The metrics of runs that exit before anyone scrapes them.
     *
     * @param push where to push them
     */
    public record Metrics(@NotNull @DefaultValue Push push) {
    }

    /**
     * A Prometheus Pushgateway that receives a one-night run's metrics just before the program exits.
     *
     * @param url the gateway's address, e.g. http://pushgateway:9091; empty = no push
     * @param job the job the metrics are grouped under at the gateway
     */
    public record Push(@DefaultValue("") String url, @DefaultValue("competency-recon") String job) {
    }

    /** The partitions of evaluation and alerts: as set, else one per processor. */
    public int partitionCount() {
        return partitions != null ? partitions : Runtime.getRuntime().availableProcessors();
    }

    /** Where the partitions of evaluation and alerts run. */
    public enum Partitioning {
        LOCAL, REMOTE
    }

    /** How much of the programme a night recomputes. */
    public enum Evaluation {
        INCREMENTAL, FULL
    }
}
