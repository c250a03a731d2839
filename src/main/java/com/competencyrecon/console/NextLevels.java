package com.competencyrecon.console;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Competency;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.internal.CatalogService;
import com.competencyrecon.evaluation.Achievement;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.CompetencyEvaluator;
import com.competencyrecon.evaluation.CompetencyOutcome;
import com.competencyrecon.evaluation.Evidence;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.OrgSnapshot;
import com.competencyrecon.evaluation.Person;
import com.competencyrecon.evaluation.Progress;
import com.competencyrecon.ownership.EffectiveLink;
import com.competencyrecon.ownership.EffectiveLinks;
import com.competencyrecon.system.ReconProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What would make an organisation reach the next level of each competency: its evidence as stored now, judged
 * as of its latest night with the configured catalogue, requirement by requirement.
 */
@Component
class NextLevels {

    /** A competency, the level after the one it attains, and its requirements with what the organisation has. */
    record NextLevel(String competency, Level attained, Level next, List<Progress.Step> steps) {
    }

    private final EffectiveLinks links;
    private final Evidence evidence;
    private final CatalogService catalogs;
    private final ReconProperties properties;

    NextLevels(EffectiveLinks links, Evidence evidence, CatalogService catalogs, ReconProperties properties) {
        this.links = links;
        this.evidence = evidence;
        this.catalogs = catalogs;
        this.properties = properties;
    }

    List<NextLevel> of(OrgRow org, LocalDate night) {
        Catalog catalog = catalogs.forRun(null);
        AsOf asOf = AsOf.night(night, properties.zone(), properties.latency());
        List<EffectiveLink> linked = links.ofOrganizations(List.of(org.orgId())).getOrDefault(org.orgId(), List.of());
        Map<String, List<Achievement>> achievements = evidence.achievementsOf(
                linked.stream().map(EffectiveLink::msaId).toList());
        OrgSnapshot snapshot = OrgSnapshot.of(org, linked.stream().map(l -> new Person(l.msaId(), l.userId())).toList(),
                achievements, evidence.metricsOf(List.of(org.orgId()), asOf.ttmStart(), asOf.ttmEnd())
                        .getOrDefault(org.orgId(), List.of()),
                evidence.overridesOf(List.of(org.orgId())).getOrDefault(org.orgId(), List.of()));
        CompetencyEvaluator evaluator = new CompetencyEvaluator(catalog);
        Progress progress = new Progress(evaluator);
        List<NextLevel> next = new ArrayList<>();
        for (CompetencyOutcome outcome : evaluator.evaluate(snapshot, asOf)) {
            Competency competency = catalog.competency(outcome.competency()).orElseThrow();
            Level target = outcome.requirementLevel() == Level.NONE && !competency.paths(Level.SILVER).isEmpty()
                    ? Level.SILVER : Level.GOLD;
            if (outcome.requirementLevel() == Level.GOLD || competency.paths(target).isEmpty()) {
                continue;
            }
            next.add(new NextLevel(competency.code(), outcome.attainedLevel(), target,
                    progress.towards(competency, target, snapshot, asOf)));
        }
        return next;
    }
}
