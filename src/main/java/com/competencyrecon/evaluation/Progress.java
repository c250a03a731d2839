package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Competency;
import com.competencyrecon.catalog.CompetencyPath;
import com.competencyrecon.catalog.Expression;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.MetricRequirement;
import com.competencyrecon.catalog.PeopleRequirement;
import com.competencyrecon.catalog.Requirement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an organisation has towards each requirement of a level, path by path, judged with the evaluator's
 * own rules (which credentials count, the trailing-twelve-months sum): what would make it reach that level.
 */
public final class Progress {

    /**
     * One requirement of a path: what it asks, what the organisation has and what it needs.
     *
     * @param have people who satisfy it, or the trailing sum of the metric
     * @param need people it needs, or the market's threshold
     */
    public record Step(Level level, String path, String requirement, BigDecimal have, BigDecimal need) {

        public boolean met() {
            return have.compareTo(need) >= 0;
        }

        /** How far along it is, 0 to 100. */
        public int percent() {
            if (need.signum() == 0 || met()) {
                return 100;
            }
            return have.multiply(BigDecimal.valueOf(100)).divide(need, 0, java.math.RoundingMode.DOWN).intValue();
        }
    }

    private final CompetencyEvaluator evaluator;

    public Progress(CompetencyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Every requirement of every path of {@code level}, in catalogue order. */
    public List<Step> towards(Competency competency, Level level, OrgSnapshot org, AsOf asOf) {
        Map<String, Set<String>> held = evaluator.validCredentials(org, asOf);
        List<Step> steps = new ArrayList<>();
        for (CompetencyPath path : competency.paths(level)) {
            for (Requirement requirement : path.requirements()) {
                if (requirement instanceof PeopleRequirement people) {
                    List<String> qualifying = held.entrySet().stream()
                            .filter(e -> people.holding().satisfiedBy(e.getValue())).map(Map.Entry::getKey).toList();
                    steps.add(new Step(level, path.code(), "people holding " + describe(people.holding()),
                            BigDecimal.valueOf(qualifying.size()), BigDecimal.valueOf(people.people())));
                    if (people.ofWhom() != null) {
                        long also = qualifying.stream()
                                .filter(msa -> people.ofWhom().holding().satisfiedBy(held.get(msa))).count();
                        steps.add(new Step(level, path.code(), "of whom holding "
                                + describe(people.ofWhom().holding()), BigDecimal.valueOf(also),
                                BigDecimal.valueOf(people.ofWhom().people())));
                    }
                } else if (requirement instanceof MetricRequirement metric) {
                    steps.add(new Step(level, path.code(), metric.metric() + " over the trailing twelve months",
                            CompetencyEvaluator.trailingSum(org, metric, asOf).stripTrailingZeros(),
                            metric.thresholdFor(org.market()).stripTrailingZeros()));
                }
            }
        }
        return steps;
    }

    /** An expression as the catalogue writes it: {@code anyOf(70-532, allOf(70-496, 70-498))}. */
    static String describe(Expression e) {
        if (e instanceof Expression.Code code) {
            return code.code();
        }
        if (e instanceof Expression.AnyOf any) {
            return "anyOf(" + any.options().stream().map(Progress::describe).collect(Collectors.joining(", ")) + ")";
        }
        Expression.AllOf all = (Expression.AllOf) e;
        return "allOf(" + all.parts().stream().map(Progress::describe).collect(Collectors.joining(", ")) + ")";
    }
}
