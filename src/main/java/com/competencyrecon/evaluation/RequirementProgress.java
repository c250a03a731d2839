package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.MetricRequirement;
import com.competencyrecon.catalog.PeopleRequirement;

import java.math.BigDecimal;
import java.util.List;

/** How far one requirement of a path stands on a night: who or what counts toward it, and whether it holds. */
public sealed interface RequirementProgress permits RequirementProgress.People, RequirementProgress.Metric {

    boolean met();

    /**
     * @param people the MSAs satisfying the requirement's expression, in MSA order
     * @param ofWhom those of them also satisfying its {@code ofWhom} expression (empty when it has none)
     */
    record People(PeopleRequirement requirement, List<String> people, List<String> ofWhom, boolean met)
            implements RequirementProgress {

        public People {
            people = List.copyOf(people);
            ofWhom = List.copyOf(ofWhom);
        }

        /** How many more people are needed, for the requirement itself and for its {@code ofWhom} clause. */
        public int peopleMissing() {
            return Math.max(0, requirement.people() - people.size());
        }

        public int ofWhomMissing() {
            return requirement.ofWhom() == null ? 0 : Math.max(0, requirement.ofWhom().people() - ofWhom.size());
        }
    }

    /** @param sum the trailing-twelve-months sum over the requirement's associations */
    record Metric(MetricRequirement requirement, BigDecimal sum, BigDecimal threshold, boolean met)
            implements RequirementProgress {

        public BigDecimal missing() {
            return threshold.subtract(sum).max(BigDecimal.ZERO);
        }
    }
}
