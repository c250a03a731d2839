package com.competencyrecon.plan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The stored plans of the nights, and for an incremental night the MSAs and organisations it recomputes. */
public interface NightPlans {

    /** The plan of the latest night before {@code date}. */
    Optional<NightPlan> latestBefore(LocalDate date);

    /** The plan of a night, once planned. */
    Optional<NightPlan> of(LocalDate date);

    /** Stores a night's plan, forgetting what an earlier attempt at the same night marked. */
    void save(NightPlan plan);

    void markMsas(LocalDate date, Collection<String> msaIds);

    void markOrganisations(LocalDate date, Collection<String> orgIds);

    /** Up to {@code limit} marked MSAs after {@code after}, in id order. */
    List<String> msasAfter(LocalDate date, String after, int limit);

    /** Up to {@code limit} marked organisations after {@code after}, in id order. */
    List<String> organisationsAfter(LocalDate date, String after, int limit);

    /** Of the given organisations, those marked for the night. */
    List<String> markedAmong(LocalDate date, Collection<String> orgIds);
}
