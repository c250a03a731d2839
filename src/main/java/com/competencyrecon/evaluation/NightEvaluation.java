package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.membership.Memberships;
import com.competencyrecon.membership.Standing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One organisation's night: every competency evaluated tonight and, when an active membership has an
 * anniversary ahead, as of that anniversary; the held, displayed and status columns; the levels a term now
 * holds; and what made each level met tonight. Plain Java over plain inputs.
 */
public final class NightEvaluation {

    /**
     * A level a membership term holds from tonight on; {@code raised} when the term held a lower level before,
     * rather than none.
     */
    public record Hold(String orgId, String competency, String termId, Level level, boolean raised) {
    }

    /** What one organisation's night stores. */
    public record Evaluated(List<CompetencyResult> results, List<Hold> holds, List<LevelMet> levelsMet) {
    }

    private final CompetencyEvaluator evaluator;
    private final AsOf asOf;

    public NightEvaluation(Catalog catalog, AsOf asOf) {
        this.evaluator = new CompetencyEvaluator(catalog);
        this.asOf = asOf;
    }

    /**
     * @param held the levels held so far per {@code org|competency|term}, before tonight
     */
    public Evaluated evaluate(OrgSnapshot snapshot, List<MembershipOrder> orders, Map<String, Level> held) {
        String org = snapshot.orgId();
        Optional<MembershipStanding> membership = Memberships.standingOn(orders, asOf.businessDate());
        String termId = membership.filter(MembershipStanding::covers).map(m -> m.term().termId()).orElse(null);
        List<CompetencyOutcome> outcomes = evaluator.evaluate(snapshot, asOf);
        Map<String, Level> projected = new HashMap<>();
        if (membership.isPresent() && membership.get().phase() == MembershipStanding.Phase.ACTIVE) {
            for (CompetencyOutcome o : evaluator.evaluate(snapshot, asOf.projectedTo(membership.get().term().anniversary()))) {
                projected.put(o.competency(), o.attainedLevel());
            }
        }
        List<CompetencyResult> results = new ArrayList<>();
        List<Hold> holds = new ArrayList<>();
        List<LevelMet> met = new ArrayList<>();
        for (CompetencyOutcome outcome : outcomes) {
            Level storedHeld = termId == null ? Level.NONE
                    : held.getOrDefault(org + "|" + outcome.competency() + "|" + termId, Level.NONE);
            Standing standing = Standing.of(outcome.attainedLevel(), storedHeld, membership, outcome.progress());
            results.add(new CompetencyResult(asOf.businessDate(), org, outcome.competency(), outcome.attainedLevel(),
                    outcome.attainedPath(), outcome.requirementLevel(), standing.heldLevel(), standing.displayedLevel(),
                    standing.status(), outcome.qualifyingPeople(),
                    projected.getOrDefault(outcome.competency(), outcome.attainedLevel()),
                    outcome.override().map(OverrideGrant::overrideId).orElse(null), termId));
            if (termId != null && standing.heldLevel().compareTo(storedHeld) > 0) {
                holds.add(new Hold(org, outcome.competency(), termId, standing.heldLevel(), storedHeld != Level.NONE));
            }
            for (Level level : List.of(Level.SILVER, Level.GOLD)) {
                if (outcome.meets(level)) {
                    met.add(levelMet(org, outcome, level));
                }
            }
        }
        return new Evaluated(results, holds, met);
    }

    /**
     * What made a level tonight: the first met path of that level, or else the path that gave a higher level
     * (or the override).
     */
    private LevelMet levelMet(String orgId, CompetencyOutcome outcome, Level level) {
        Optional<PathOutcome> path = outcome.firstMetPath(level);
        if (path.isEmpty() && !outcome.attainedPath().equals(CompetencyOutcome.OVERRIDE_PATH)) {
            path = outcome.firstMetPath(outcome.attainedLevel());
        }
        String pathCode = path.map(PathOutcome::path).orElse(CompetencyOutcome.OVERRIDE_PATH);
        List<Contribution> made = path.map(PathOutcome::contributions).orElseGet(() -> outcome.override()
                .map(o -> List.of(new Contribution(Contribution.Kind.OVERRIDE, o.overrideId(), null, o.level().name())))
                .orElse(List.of()));
        return new LevelMet(orgId, outcome.competency(), level, asOf.businessDate(), pathCode, made);
    }
}
