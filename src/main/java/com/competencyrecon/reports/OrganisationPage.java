package com.competencyrecon.reports;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Competency;
import com.competencyrecon.catalog.Expression;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.PeopleRequirement;
import com.competencyrecon.evaluation.CompetencyOutcome;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.Contribution;
import com.competencyrecon.evaluation.LevelMet;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.PathOutcome;
import com.competencyrecon.evaluation.RequirementProgress;
import com.competencyrecon.membership.CompetencyStatus;
import com.competencyrecon.membership.MembershipStanding;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static com.competencyrecon.reports.Html.bdi;
import static com.competencyrecon.reports.Html.esc;

/**
 * One organisation's page: for each competency with progress, the night's result, then for each level and path
 * every requirement with who or what counted toward it and, where it does not hold, what is missing. Rendered
 * from the stored results, what last made each level ({@code level_met}) and the requirement progress of the
 * night's evaluation.
 */
public final class OrganisationPage {

    /** People named per requirement at most; the rest are counted, so a page stays small for a large partner. */
    static final int MAX_PEOPLE_SHOWN = 25;

    private OrganisationPage() {
    }

    /** What a page shows of one organisation. */
    public record Input(OrgRow org, Optional<MembershipStanding> standing, List<CompetencyResult> results,
                 List<CompetencyOutcome> outcomes, List<LevelMet> lastMet) {
    }

    static String render(LocalDate night, YearMonth ttmEnd, Catalog catalog, Input in) {
        StringBuilder html = new StringBuilder(4096);
        String name = in.org().name() == null ? "" : in.org().name();
        Html.open(html, name + " (" + in.org().orgId() + ") " + night);
        html.append("<p><a href=\"../summary.html\">Night of ").append(esc(night)).append("</a> · <a href=\"index.html\">")
                .append("all organisations</a></p>\n<h1>").append(bdi(name)).append(" <span class=\"muted\">")
                .append(bdi(in.org().orgId())).append("</span></h1>\n<p>Market ").append(esc(in.org().market()))
                .append(". ").append(membership(in.standing())).append("</p>\n");
        Map<String, CompetencyOutcome> outcomes = in.outcomes().stream()
                .collect(Collectors.toMap(CompetencyOutcome::competency, o -> o, (a, b) -> a));
        Map<String, LevelMet> lastMet = new HashMap<>();
        in.lastMet().forEach(m -> lastMet.put(m.competency() + "|" + m.level(), m));
        List<String> noProgress = new ArrayList<>();
        for (CompetencyResult r : in.results()) {
            String competencyName = catalog.competency(r.competency()).map(Competency::name).orElse(r.competency());
            CompetencyOutcome outcome = outcomes.get(r.competency());
            if (r.status() == CompetencyStatus.NONE || outcome == null) {
                noProgress.add(competencyName);
                continue;
            }
            competency(html, ttmEnd, catalog, r, competencyName, outcome, lastMet);
        }
        if (in.results().isEmpty() || noProgress.size() == in.results().size()) {
            html.append("<p>No progress in any competency tonight: nobody counts toward a requirement and no metric is above zero.</p>\n");
        } else if (!noProgress.isEmpty()) {
            html.append("<h2>No progress yet</h2>\n<p>").append(noProgress.stream().map(Html::bdi)
                    .collect(Collectors.joining(", "))).append("</p>\n");
        }
        Html.close(html);
        return html.toString();
    }

    private static String membership(Optional<MembershipStanding> standing) {
        if (standing.isEmpty() || !standing.get().covers()) {
            return "No active membership.";
        }
        MembershipStanding s = standing.get();
        return esc(word(s.term().level())) + " member, anniversary " + esc(s.term().anniversary())
                + (s.phase() == MembershipStanding.Phase.IN_WINDOW ? ", in its renewal window until "
                + esc(s.term().windowCloses()) : "") + ".";
    }

    private static void competency(StringBuilder html, YearMonth ttmEnd, Catalog catalog, CompetencyResult r,
                                   String name, CompetencyOutcome outcome, Map<String, LevelMet> lastMet) {
        html.append("<h2>").append(bdi(name)).append(" <span class=\"muted\">").append(esc(r.competency()))
                .append("</span></h2>\n<p>").append(r.attainedLevel() == Level.NONE ? "No level attained" : "Attained " + esc(r.attainedLevel()));
        if (r.attainedPath() != null && !r.attainedPath().isEmpty()) {
            html.append(" through ").append(esc(r.attainedPath()));
        }
        html.append("; held ").append(esc(r.heldLevel())).append(", displayed ").append(esc(r.displayedLevel()))
                .append(", status ").append(esc(r.status())).append('.');
        if (r.overrideId() != null) {
            html.append(" Override ").append(bdi(r.overrideId())).append(" is in force.");
        }
        html.append("</p>\n");
        // What last made the displayed level, without its night: a night that does not recompute an organisation
        // leaves the older night in level_met, so only the path and the people are the same on every kind of night.
        if (r.displayedLevel() != Level.NONE && !r.attainedLevel().atLeast(r.displayedLevel())) {
            LevelMet last = lastMet.get(r.competency() + "|" + r.displayedLevel());
            html.append("<p class=\"missing\">").append(word(r.displayedLevel())).append(" is displayed but not met tonight")
                    .append(last == null ? "." : "; when last met, it was through " + esc(last.path()) + " by "
                            + made(last) + ".").append("</p>\n");
        }
        Level next = next(catalog, r.competency(), r.attainedLevel());
        for (Level level : List.of(Level.SILVER, Level.GOLD)) {
            List<PathOutcome> paths = outcome.paths().stream().filter(p -> p.level() == level).toList();
            if (paths.isEmpty()) {
                continue;
            }
            html.append("<h3>").append(word(level)).append(": ").append(outcome.meets(level) ? "<span class=\"met\">met</span>"
                    : "<span class=\"missing\">not met</span>");
            if (level == next) {
                html.append(" (the next level: what is missing is in red)");
            }
            html.append("</h3>\n<table>\n<tr><th>path</th><th>requirement</th><th>counted</th><th>missing</th></tr>\n");
            for (PathOutcome path : paths) {
                for (RequirementProgress p : path.requirements()) {
                    requirement(html, ttmEnd, path, p);
                }
            }
            html.append("</table>\n");
        }
    }

    /** The level above the attained one that has paths, or null at the top. */
    private static Level next(Catalog catalog, String code, Level attained) {
        Optional<Competency> competency = catalog.competency(code);
        for (Level level : List.of(Level.SILVER, Level.GOLD)) {
            if (level.compareTo(attained) > 0 && competency.map(c -> !c.paths(level).isEmpty()).orElse(false)) {
                return level;
            }
        }
        return null;
    }

    private static void requirement(StringBuilder html, YearMonth ttmEnd, PathOutcome path, RequirementProgress p) {
        String pathCell = "<td>" + esc(path.path()) + (path.met() ? " <span class=\"met\">met</span>" : "") + "</td>";
        if (p instanceof RequirementProgress.People people) {
            PeopleRequirement req = people.requirement();
            html.append("<tr>").append(pathCell).append("<td>").append(req.people()).append(req.people() == 1 ? " person" : " people")
                    .append(" holding ").append(esc(expression(req.holding()))).append("</td><td>")
                    .append(people(people.people(), path, req.holding().codes())).append("</td><td class=\"missing\">")
                    .append(people.peopleMissing() == 0 ? "" : people.peopleMissing() + " more")
                    .append("</td></tr>\n");
            if (req.ofWhom() != null) {
                html.append("<tr><td></td><td>of whom ").append(req.ofWhom().people()).append(" holding ")
                        .append(esc(expression(req.ofWhom().holding()))).append("</td><td>")
                        .append(people(people.ofWhom(), path, req.ofWhom().holding().codes()))
                        .append("</td><td class=\"missing\">")
                        .append(people.ofWhomMissing() == 0 ? "" : people.ofWhomMissing() + " more of them")
                        .append("</td></tr>\n");
            }
        } else if (p instanceof RequirementProgress.Metric metric) {
            html.append("<tr>").append(pathCell).append("<td>").append(esc(metric.requirement().metric())).append(" at least ")
                    .append(esc(metric.threshold().stripTrailingZeros().toPlainString())).append(" over ")
                    .append(esc(ttmEnd.minusMonths(11))).append(" to ").append(esc(ttmEnd)).append(" (")
                    .append(esc(metric.requirement().associations().stream().map(Enum::name).sorted()
                            .collect(Collectors.joining(", ")))).append(")</td><td>")
                    .append(esc(metric.sum().stripTrailingZeros().toPlainString())).append("</td><td class=\"missing\">")
                    .append(metric.met() ? "" : esc(metric.missing().stripTrailingZeros().toPlainString()) + " more")
                    .append("</td></tr>\n");
        }
    }

    /** The people who counted, each with their user and the credentials of {@code named} they hold. */
    private static String people(List<String> msas, PathOutcome path, Set<String> named) {
        if (msas.isEmpty()) {
            return "<span class=\"muted\">nobody</span>";
        }
        Map<String, Contribution> byMsa = new HashMap<>();
        path.contributions().stream().filter(c -> c.kind() == Contribution.Kind.PERSON)
                .forEach(c -> byMsa.put(c.subject(), c));
        StringBuilder cell = new StringBuilder();
        cell.append(msas.size()).append(": ");
        for (int i = 0; i < Math.min(msas.size(), MAX_PEOPLE_SHOWN); i++) {
            String msa = msas.get(i);
            Contribution c = byMsa.get(msa);
            String codes = c == null ? "" : List.of(c.detail().split(";")).stream().filter(named::contains)
                    .collect(Collectors.joining(", "));
            cell.append(i == 0 ? "" : "; ").append(bdi(msa));
            if (c != null && c.userId() != null) {
                cell.append(" (user ").append(bdi(c.userId())).append(')');
            }
            if (!codes.isEmpty()) {
                cell.append(": ").append(esc(codes));
            }
        }
        if (msas.size() > MAX_PEOPLE_SHOWN) {
            cell.append("; and ").append(msas.size() - MAX_PEOPLE_SHOWN).append(" more");
        }
        return cell.toString();
    }

    private static String made(LevelMet met) {
        List<String> parts = met.contributions().stream().map(c -> switch (c.kind()) {
            case PERSON -> bdi(c.subject());
            case METRIC, OVERRIDE -> esc(c.subject());
        }).toList();
        if (parts.isEmpty()) {
            return "its metrics";
        }
        return parts.size() <= MAX_PEOPLE_SHOWN ? String.join(", ", parts)
                : String.join(", ", parts.subList(0, MAX_PEOPLE_SHOWN)) + " and " + (parts.size() - MAX_PEOPLE_SHOWN) + " more";
    }

    static String expression(Expression e) {
        if (e instanceof Expression.AnyOf any) {
            return "any of (" + any.options().stream().map(OrganisationPage::expression)
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof Expression.AllOf all) {
            return "all of (" + all.parts().stream().map(OrganisationPage::expression)
                    .collect(Collectors.joining(", ")) + ")";
        }
        return ((Expression.Code) e).code();
    }

    static String word(Level level) {
        return switch (level) {
            case GOLD -> "Gold";
            case SILVER -> "Silver";
            case NONE -> "No level";
        };
    }
}
