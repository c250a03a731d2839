package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Competency;
import com.competencyrecon.catalog.CompetencyPath;
import com.competencyrecon.catalog.Credential;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.MetricRequirement;
import com.competencyrecon.catalog.PeopleRequirement;
import com.competencyrecon.catalog.Requirement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Evaluates every competency of the catalogue for one organisation as of one moment. Plain Java over plain
 * inputs: no database, no batch.
 */
public final class CompetencyEvaluator {

    private final Catalog catalog;

    public CompetencyEvaluator(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<CompetencyOutcome> evaluate(OrgSnapshot org, AsOf asOf) {
        Map<String, Set<String>> held = validCredentials(org, asOf);
        Map<String, BigDecimal> ttm = new HashMap<>();
        Map<String, String> userOf = org.people().stream()
                .collect(Collectors.toMap(Person::msaId, Person::userId, (a, b) -> a));
        List<CompetencyOutcome> outcomes = new ArrayList<>();
        for (Competency competency : catalog.competencies()) {
            outcomes.add(evaluate(competency, org, held, userOf, ttm, asOf));
        }
        return outcomes;
    }

    /** Each counting person's valid credential codes, people in MSA order. */
    Map<String, Set<String>> validCredentials(OrgSnapshot org, AsOf asOf) {
        Map<String, Set<String>> held = new LinkedHashMap<>();
        org.people().stream().map(Person::msaId).sorted().forEach(msa -> held.put(msa, new TreeSet<>()));
        for (Achievement a : org.achievements()) {
            Set<String> codes = held.get(a.msaId());
            if (codes != null && counts(a, asOf)) {
                codes.add(a.credential());
            }
        }
        return held;
    }

    /** Whether an achievement counts as of {@code asOf} (its MSA's link is checked by the caller). */
    public boolean counts(Achievement a, AsOf asOf) {
        if (a.status() == AchievementStatus.REVOKED || a.earnedAt().isAfter(asOf.countableAt())) {
            return false;
        }
        if (a.expiresOn() != null && !a.expiresOn().isAfter(asOf.validOn())) {
            return false;
        }
        Optional<Credential> credential = catalog.credential(a.credential());
        return credential.isPresent() && credential.get().acceptedOn(asOf.validOn());
    }

    private CompetencyOutcome evaluate(Competency competency, OrgSnapshot org, Map<String, Set<String>> held,
                                       Map<String, String> userOf, Map<String, BigDecimal> ttmCache, AsOf asOf) {
        List<PathOutcome> paths = new ArrayList<>();
        for (Level level : List.of(Level.SILVER, Level.GOLD)) {
            for (CompetencyPath path : competency.paths(level)) {
                paths.add(evaluatePath(level, path, org, held, userOf, ttmCache, asOf));
            }
        }
        Level requirementLevel = paths.stream().filter(PathOutcome::met).map(PathOutcome::level)
                .max(Comparator.naturalOrder()).orElse(Level.NONE);
        Optional<OverrideGrant> override = org.overrides().stream()
                .filter(o -> o.competency().equals(competency.code()) && o.validOn(asOf.validOn()))
                .max(Comparator.comparing(OverrideGrant::level)
                        .thenComparing(OverrideGrant::overrideId, Comparator.reverseOrder()));
        Level overrideLevel = override.map(OverrideGrant::level).orElse(Level.NONE);
        Level attained = Level.max(requirementLevel, overrideLevel);

        String attainedPath;
        Set<String> qualifying;
        if (attained == Level.NONE) {
            attainedPath = "";
            qualifying = bestPath(paths, lowestLevel(competency)).map(PathOutcome::qualifyingPeople).orElse(Set.of());
        } else if (requirementLevel == attained) {
            PathOutcome first = paths.stream().filter(p -> p.level() == attained && p.met()).findFirst().orElseThrow();
            attainedPath = first.path();
            qualifying = first.qualifyingPeople();
        } else {
            attainedPath = CompetencyOutcome.OVERRIDE_PATH;
            qualifying = bestPath(paths, attained).map(PathOutcome::qualifyingPeople).orElse(Set.of());
        }
        boolean progress = paths.stream().anyMatch(PathOutcome::progress);
        return new CompetencyOutcome(competency.code(), attained, attainedPath, requirementLevel,
                override.filter(o -> o.level() == overrideLevel), progress, qualifying.size(), paths);
    }

    private static Level lowestLevel(Competency competency) {
        return competency.paths(Level.SILVER).isEmpty() ? Level.GOLD : Level.SILVER;
    }

    /** The path of a level with the most qualifying people; ties go to catalogue order. */
    private static Optional<PathOutcome> bestPath(List<PathOutcome> paths, Level level) {
        PathOutcome best = null;
        for (PathOutcome p : paths) {
            if (p.level() == level && (best == null || p.qualifyingPeople().size() > best.qualifyingPeople().size())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    private PathOutcome evaluatePath(Level level, CompetencyPath path, OrgSnapshot org, Map<String, Set<String>> held,
                                     Map<String, String> userOf, Map<String, BigDecimal> ttmCache, AsOf asOf) {
        boolean met = true;
        boolean progress = false;
        Set<String> qualifyingPeople = new TreeSet<>();
        Map<String, Set<String>> creditedCodes = new LinkedHashMap<>();
        List<Contribution> metrics = new ArrayList<>();
        List<RequirementProgress> progressed = new ArrayList<>();
        for (Requirement requirement : path.requirements()) {
            if (requirement instanceof PeopleRequirement people) {
                List<String> qualifying = held.entrySet().stream()
                        .filter(e -> people.holding().satisfiedBy(e.getValue()))
                        .map(Map.Entry::getKey).toList();
                boolean requirementMet = qualifying.size() >= people.people();
                List<String> also = List.of();
                if (people.ofWhom() != null) {
                    also = qualifying.stream()
                            .filter(msa -> people.ofWhom().holding().satisfiedBy(held.get(msa))).toList();
                    requirementMet &= also.size() >= people.ofWhom().people();
                }
                met &= requirementMet;
                progressed.add(new RequirementProgress.People(people, qualifying, also, requirementMet));
                progress |= !qualifying.isEmpty();
                qualifyingPeople.addAll(qualifying);
                Set<String> named = new LinkedHashSet<>(people.holding().codes());
                if (people.ofWhom() != null) {
                    named.addAll(people.ofWhom().holding().codes());
                }
                for (String msa : qualifying) {
                    Set<String> credited = creditedCodes.computeIfAbsent(msa, k -> new TreeSet<>());
                    held.get(msa).stream().filter(named::contains).forEach(credited::add);
                }
            } else if (requirement instanceof MetricRequirement metric) {
                BigDecimal sum = ttmCache.computeIfAbsent(metric.metric() + "|" + new TreeSet<>(metric.associations()),
                        k -> trailingSum(org, metric, asOf));
                BigDecimal threshold = metric.thresholdFor(org.market());
                met &= sum.compareTo(threshold) >= 0;
                progress |= sum.signum() > 0;
                progressed.add(new RequirementProgress.Metric(metric, sum, threshold, sum.compareTo(threshold) >= 0));
                metrics.add(new Contribution(Contribution.Kind.METRIC, metric.metric(), null,
                        sum.stripTrailingZeros().toPlainString() + ">=" + threshold.stripTrailingZeros().toPlainString()));
            }
        }
        List<Contribution> contributions = new ArrayList<>();
        creditedCodes.forEach((msa, codes) -> contributions.add(
                new Contribution(Contribution.Kind.PERSON, msa, userOf.get(msa), String.join(";", codes))));
        contributions.addAll(metrics);
        return new PathOutcome(level, path.code(), met, progress, qualifyingPeople, contributions, progressed);
    }

    /** The TTM sum of a metric over the requirement's associations. */
    public static BigDecimal trailingSum(OrgSnapshot org, MetricRequirement requirement, AsOf asOf) {
        BigDecimal sum = BigDecimal.ZERO;
        for (MetricValue v : org.metrics()) {
            if (v.metric().equals(requirement.metric()) && requirement.associations().contains(v.association())
                    && !v.month().isBefore(asOf.ttmStart()) && !v.month().isAfter(asOf.ttmEnd())) {
                sum = sum.add(v.value());
            }
        }
        return sum;
    }
}
