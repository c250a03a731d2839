package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Level;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** What evaluation stores per night: results, the levels held per term, and what made each level. */
public interface Results {

    /** Replaces the night's results of the given organisations (a restarted chunk gives the same rows). */
    void replace(LocalDate date, Collection<String> orgIds, List<CompetencyResult> results);

    /** Gives the organisations the results they had on {@code from} as their results of {@code to}. */
    void carryForward(LocalDate from, LocalDate to, Collection<String> orgIds);

    /** Every result of the night, in organisation then competency order, streamed. */
    void forEachOn(LocalDate date, Consumer<CompetencyResult> each);

    /** The night's results of the given organisations, in organisation then competency order. */
    List<CompetencyResult> on(LocalDate date, Collection<String> orgIds);


    /** The latest night before {@code date} with results. */
    Optional<LocalDate> nightBefore(LocalDate date);

    /** Every organisation and competency whose attained level differs from {@code earlier}'s, in order. */
    void changesSince(LocalDate date, LocalDate earlier, Consumer<LevelChange> each);

    /** The highest level held per organisation, competency and term, keyed {@code org|competency|term}. */
    Map<String, Level> heldLevels(Collection<String> orgIds);

    /** Stores the levels terms hold from tonight on (each higher than before). */
    void hold(List<NightEvaluation.Hold> holds);

    /** Remembers what made levels tonight, replacing what made them on an earlier night. */
    void met(List<LevelMet> levels);

    /** What last made each level of the given organisations, by organisation. */
    Map<String, List<LevelMet>> lastMet(Collection<String> orgIds);
}
