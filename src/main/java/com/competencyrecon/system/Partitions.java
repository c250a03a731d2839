package com.competencyrecon.system;

/**
 * How the executions of a partitioned step's partitions are named: the step's name, a colon, the partition
 * ({@code evaluateCompetencies:partition0}). The night's steps are the others: what the summary, the run history
 * and the console list, with the partitions' counts added up in their step.
 */
public final class Partitions {

    public static final String SEPARATOR = ":";

    private Partitions() {
    }

    /** Whether a step execution of that name is one partition of a partitioned step. */
    public static boolean isPartition(String stepName) {
        return stepName.contains(SEPARATOR);
    }
}
