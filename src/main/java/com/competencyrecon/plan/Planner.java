package com.competencyrecon.plan;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Credential;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.membership.MembershipTerm;
import com.competencyrecon.membership.Memberships;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a night can follow the delta, and which organisations time alone changes. Plain Java.
 *
 * <p>A night is full when it is forced, when there is no previous night, when the catalogue, zone or latency
 * changed, when a new month starts a new trailing-twelve-months window, or when a credential stops being
 * accepted between the two nights: each of those can change every organisation. Otherwise only organisations
 * touched by tonight's records (found by the change log) or by a membership boundary are recomputed.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * @param lastResults the latest night before {@code date} with stored results: an incremental night carries
     *                    that night's forward, so it must be the previous plan's night
     */
    public static NightPlan plan(LocalDate date, Optional<NightPlan> previous, Optional<LocalDate> lastResults,
                                 String fingerprint, boolean forceFull, Catalog catalog) {
        LocalDate before = previous.map(NightPlan::date).orElse(null);
        String reason = null;
        if (forceFull) {
            reason = "recon.evaluation=full";
        } else if (previous.isEmpty()) {
            reason = "no earlier night to build on";
        } else if (!lastResults.equals(Optional.of(before))) {
            reason = "the results of " + before + " are not the latest stored";
        } else if (!previous.get().fingerprint().equals(fingerprint)) {
            reason = "the catalogue, zone or latency changed since " + before;
        } else if (!YearMonth.from(before).equals(YearMonth.from(date))) {
            reason = "a new month starts a new trailing-twelve-months window";
        } else {
            reason = retiring(catalog, before, date).map(c -> "credential " + c + " is no longer accepted")
                    .orElse(null);
        }
        return new NightPlan(date, reason == null ? NightPlan.Mode.INCREMENTAL : NightPlan.Mode.FULL, before,
                fingerprint, reason == null ? "" : reason);
    }

    /** A credential accepted on {@code before} and not on {@code date}. */
    private static Optional<String> retiring(Catalog catalog, LocalDate before, LocalDate date) {
        return catalog.credentials().values().stream().filter(c -> c.acceptedOn(before) && !c.acceptedOn(date))
                .map(Credential::code).sorted().findFirst();
    }

    /**
     * The organisations whose membership reads differently on {@code date} than on {@code before}: another
     * term or phase, or a reminder that starts (renewal due, window closing).
     */
    public static Set<String> membershipBoundaries(Map<String, List<MembershipOrder>> orders, LocalDate before,
                                                   LocalDate date) {
        Set<String> changed = new TreeSet<>();
        orders.forEach((org, list) -> {
            if (!Objects.equals(facts(list, before), facts(list, date))) {
                changed.add(org);
            }
        });
        return changed;
    }

    private record Facts(String termId, MembershipStanding.Phase phase, boolean renewalDue, boolean windowClosing) {
    }

    private static Facts facts(List<MembershipOrder> orders, LocalDate day) {
        Optional<MembershipStanding> standing = Memberships.standingOn(orders, day);
        if (standing.isEmpty()) {
            return null;
        }
        MembershipTerm term = standing.get().term();
        MembershipStanding.Phase phase = standing.get().phase();
        boolean covered = phase != MembershipStanding.Phase.LAPSED;
        return new Facts(term.termId(), phase, covered && !day.isBefore(term.anniversary().minusDays(15)),
                phase == MembershipStanding.Phase.IN_WINDOW && !day.isBefore(term.anniversary().plusDays(23)));
    }
}
