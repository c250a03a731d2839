package com.competencyrecon.reports.internal;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.CompetencyEvaluator;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.LevelMet;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.OrgSnapshot;
import com.competencyrecon.evaluation.OrgSnapshots;
import com.competencyrecon.evaluation.Organizations;
import com.competencyrecon.evaluation.Results;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.reports.OrganisationPage;
import com.competencyrecon.reports.OrganisationPages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes every organisation's page a batch at a time: the batch's stored results and what last made their
 * levels, and the requirement progress of the night's evaluation, worked out again by the same evaluator from
 * the same stored inputs (the evaluation step keeps no per-requirement counts). Memory holds one batch.
 */
final class OrganisationPagesWriter {

    static final int BATCH = 500;

    private final Catalog catalog;
    private final AsOf asOf;
    private final Organizations organizations;
    private final Results results;
    private final OrgSnapshots snapshots;

    OrganisationPagesWriter(Catalog catalog, AsOf asOf, Organizations organizations, Results results,
                            OrgSnapshots snapshots) {
        this.catalog = catalog;
        this.asOf = asOf;
        this.organizations = organizations;
        this.results = results;
        this.snapshots = snapshots;
    }

    /** Writes the pages into {@code folder}; returns how many. */
    long write(Path folder, Map<String, MembershipStanding> standings) {
        CompetencyEvaluator evaluator = new CompetencyEvaluator(catalog);
        try (OrganisationPages pages = new OrganisationPages(folder, asOf.businessDate(), asOf.ttmEnd(), catalog)) {
            String after = "";
            for (List<OrgRow> orgs = organizations.after(after, BATCH); !orgs.isEmpty();
                 orgs = organizations.after(after, BATCH)) {
                List<String> ids = orgs.stream().map(OrgRow::orgId).toList();
                Map<String, List<CompetencyResult>> tonight = new LinkedHashMap<>();
                for (CompetencyResult r : results.on(asOf.businessDate(), ids)) {
                    tonight.computeIfAbsent(r.orgId(), k -> new ArrayList<>()).add(r);
                }
                Map<String, List<LevelMet>> lastMet = results.lastMet(ids);
                Map<String, OrgSnapshot> loaded = snapshots.of(orgs, asOf);
                for (OrgRow org : orgs) {
                    pages.write(new OrganisationPage.Input(org, Optional.ofNullable(standings.get(org.orgId())),
                            tonight.getOrDefault(org.orgId(), List.of()),
                            evaluator.evaluate(loaded.get(org.orgId()), asOf),
                            lastMet.getOrDefault(org.orgId(), List.of())));
                }
                after = ids.get(ids.size() - 1);
            }
            return pages.written();
        }
    }
}
