package com.competencyrecon.alerts;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Competency;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.OverrideGrant;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.membership.MembershipTerm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The conditions that hold tonight, from the memberships' standings and the night's results. Each
 * organisation's conditions depend on its own inputs only, so the conditions of a set of organisations are
 * those of the whole programme restricted to them.
 */
public final class AlertRules {

    /** Renewal is due from this many days before the anniversary. */
    static final int DUE_DAYS_BEFORE = 15;

    /** The window is closing from this many days after the anniversary. */
    static final int CLOSING_DAYS_AFTER = 23;

    private final Catalog catalog;

    public AlertRules(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The organisations whose conditions tonight name causes (a displayed level no longer met, an override
     * that lapsed), found by a dry run of {@link #conditions}: only their history need be read.
     */
    public Set<String> needingCauses(LocalDate night, Map<String, MembershipStanding> standings,
                                     List<CompetencyResult> results, Map<String, Market> markets,
                                     Map<String, List<OverrideGrant>> overrides, AsOf asOf) {
        Set<String> asked = new TreeSet<>();
        conditions(night, standings, results, markets, overrides, Causes.dryRun(catalog, asOf, asked));
        return asked;
    }

    /**
     * Tonight's conditions: first the membership-wide ones in organisation order, then those of each result
     * in the results' order (organisation, then competency).
     *
     * @param standings the standing tonight of each organisation that ever had a membership
     * @param results   the night's results; a result of an organisation with no market is left out
     * @param markets   each organisation's market
     * @param overrides each organisation's overrides, whatever their dates
     */
    public List<AlertCondition> conditions(LocalDate night, Map<String, MembershipStanding> standings,
                                           List<CompetencyResult> results, Map<String, Market> markets,
                                           Map<String, List<OverrideGrant>> overrides, Causes causes) {
        List<AlertCondition> conditions = new ArrayList<>();
        new TreeMap<>(standings).forEach((org, standing) -> membershipConditions(night, org, standing, conditions));
        for (CompetencyResult result : results) {
            Market market = markets.get(result.orgId());
            if (market != null) {
                resultConditions(night, result, market, standings.get(result.orgId()),
                        overrides.getOrDefault(result.orgId(), List.of()), causes, conditions);
            }
        }
        return conditions;
    }

    private static void membershipConditions(LocalDate night, String org, MembershipStanding standing,
                                             List<AlertCondition> conditions) {
        MembershipTerm term = standing.term();
        switch (standing.phase()) {
            case LAPSED -> conditions.add(new AlertCondition(org, AlertType.MEMBERSHIP_LAPSED, "", "", term.termId(),
                    List.of(), "Your " + word(term.level()) + " membership lapsed: its renewal window closed on "
                    + term.windowCloses() + " without renewal."));
            case ACTIVE, IN_WINDOW -> {
                if (!night.isBefore(term.anniversary().minusDays(DUE_DAYS_BEFORE))) {
                    conditions.add(new AlertCondition(org, AlertType.RENEWAL_DUE, "", "", term.termId(), List.of(),
                            "Your " + word(term.level()) + " membership reaches its anniversary on " + term.anniversary()
                                    + "; renew by " + term.windowCloses() + "."));
                }
                if (standing.phase() == MembershipStanding.Phase.IN_WINDOW
                        && !night.isBefore(term.anniversary().plusDays(CLOSING_DAYS_AFTER))) {
                    conditions.add(new AlertCondition(org, AlertType.RENEWAL_WINDOW_CLOSING, "", "", term.termId(),
                            List.of(), "Your renewal window closes on " + term.windowCloses()
                            + ": renew now to keep your " + word(term.level()) + " membership."));
                }
            }
        }
    }

    private void resultConditions(LocalDate night, CompetencyResult r, Market market, MembershipStanding standing,
                                  List<OverrideGrant> overrides, Causes causes, List<AlertCondition> conditions) {
        String org = r.orgId();
        String competency = r.competency();
        Level attained = r.attainedLevel();
        Level requirements = r.requirementLevel();
        Level displayed = r.displayedLevel();
        boolean covered = standing != null && standing.covers();
        String term = covered ? standing.term().termId() : "";
        String name = catalog.competency(competency).map(Competency::name).orElse(competency);
        // A displayed level needs a covering membership, so a standing is there whenever displayed is not NONE.
        if (displayed != Level.NONE && !attained.atLeast(displayed)) {
            conditions.add(new AlertCondition(org, AlertType.RENEWAL_AT_RISK, competency, displayed.name(), term,
                    causes.of(org, market, competency, displayed),
                    "A recent change to your competency achievement has put your membership renewal"
                            + " eligibility at risk: " + name + " is no longer met at " + word(displayed) + "."));
        }
        if (displayed != Level.NONE && standing.phase() == MembershipStanding.Phase.ACTIVE
                && !r.projectedLevel().atLeast(displayed)) {
            conditions.add(new AlertCondition(org, AlertType.PROJECTED_AT_RISK, competency, displayed.name(), term,
                    List.of(), name + " would not be met at " + word(displayed) + " on your anniversary "
                    + standing.term().anniversary()
                    + projectionReason(attained, requirements, displayed, r.overrideId())));
        }
        if (covered && standing.term().level() == Level.SILVER && attained == Level.GOLD) {
            conditions.add(new AlertCondition(org, AlertType.UPGRADE_AVAILABLE, competency, "GOLD", term, List.of(),
                    "You meet Gold in " + name + ": you can upgrade your membership to Gold."));
        }
        if (!covered && attained != Level.NONE) {
            conditions.add(new AlertCondition(org, AlertType.QUALIFIED_NOT_MEMBER, competency, attained.name(), "",
                    List.of(), "You meet " + word(attained) + " in " + name + ": buy a " + word(attained)
                    + " membership to show it."));
        }
        lapsedOverride(night, overrides, competency, requirements, r.overrideId()).ifPresent(o -> conditions.add(
                new AlertCondition(org, AlertType.OVERRIDE_EXPIRED, competency, o.level().name(), term,
                        causes.of(org, market, competency, o.level()),
                        "The override " + o.overrideId() + " of " + name + " at " + word(o.level()) + " ended on "
                                + o.validUntil() + " and your requirements give " + word(requirements) + ".")));
    }

    /**
     * The override of a competency that ended last, when no override gives a level tonight and the
     * requirements do not give the level it gave. Of overrides that ended on the same day, the first by id.
     */
    static Optional<OverrideGrant> lapsedOverride(LocalDate night, List<OverrideGrant> overrides, String competency,
                                                  Level requirements, String validOverride) {
        if (validOverride != null) {
            return Optional.empty();
        }
        return overrides.stream()
                .filter(o -> o.competency().equals(competency) && o.validUntil().isBefore(night))
                .min(Comparator.comparing(OverrideGrant::validUntil).reversed()
                        .thenComparing(OverrideGrant::overrideId))
                .filter(o -> !requirements.atLeast(o.level()));
    }

    /** Why the displayed level would not be met on the anniversary, as far as tonight tells. */
    static String projectionReason(Level attained, Level requirements, Level displayed, String overrideId) {
        if (!attained.atLeast(displayed)) {
            return " unless it is met again before then.";
        }
        if (overrideId != null && !requirements.atLeast(displayed)) {
            return ": the override " + overrideId + " that gives it ends before then.";
        }
        return ": credentials expire or retire before then.";
    }

    /** A level as a partner reads it: Silver, Gold, or no level. */
    static String word(Level level) {
        return switch (level) {
            case GOLD -> "Gold";
            case SILVER -> "Silver";
            case NONE -> "no level";
        };
    }
}
