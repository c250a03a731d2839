package com.competencyrecon.reports;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.membership.CompetencyStatus;
import com.competencyrecon.membership.MembershipTerm;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A row of {@code membership-expiry.csv}: a membership near its anniversary or in its window. */
public record ExpiryRow(String orgId, String orgName, MembershipTerm term, long daysToAnniversary,
                        boolean renewalEligible, boolean upgradeEligible, Set<String> atRiskCompetencies) {

    static final List<String> COLUMNS = List.of("org_id", "org_name", "membership_level", "purchased_on",
            "anniversary", "renewal_window_closes", "days_to_anniversary", "renewal_eligible", "upgrade_eligible",
            "at_risk_competencies");

    /** Tonight's eligibility of a term from the organisation's results: renewal at its level, upgrade to Gold. */
    static ExpiryRow of(String orgId, String orgName, MembershipTerm term, LocalDate night,
                        List<CompetencyResult> results) {
        boolean renewal = false;
        boolean upgrade = false;
        Set<String> atRisk = new TreeSet<>();
        for (CompetencyResult r : results) {
            renewal |= r.attainedLevel().atLeast(term.level());
            upgrade |= term.level() == Level.SILVER && r.attainedLevel() == Level.GOLD;
            if (r.status() == CompetencyStatus.AT_RISK) {
                atRisk.add(r.competency());
            }
        }
        return new ExpiryRow(orgId, orgName, term, ChronoUnit.DAYS.between(night, term.anniversary()), renewal,
                upgrade, atRisk);
    }

    List<Object> cells() {
        return List.of(orgId, orgName, term.level(), term.purchasedOn(), term.anniversary(), term.windowCloses(),
                daysToAnniversary, renewalEligible, upgradeEligible, String.join(";", atRiskCompetencies));
    }
}
