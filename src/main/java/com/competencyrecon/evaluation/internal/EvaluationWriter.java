package com.competencyrecon.evaluation.internal;

import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.Evidence;
import com.competencyrecon.evaluation.LevelMet;
import com.competencyrecon.evaluation.NightEvaluation;
import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.OrgSnapshot;
import com.competencyrecon.evaluation.OrgSnapshots;
import com.competencyrecon.evaluation.Results;
import com.competencyrecon.membership.MembershipOrders;
import com.competencyrecon.ownership.EffectiveLinks;
import com.competencyrecon.catalog.Level;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a chunk of organisations: loads what they need with one query per kind, evaluates each in plain
 * Java, and stores per competency what was attained, held, displayed and why, replacing any earlier result of
 * the same night (so a restarted night gives the same rows).
 */
public class EvaluationWriter implements ItemWriter<OrgRow> {

    private final NightEvaluation evaluation;
    private final AsOf asOf;
    private final OrgSnapshots snapshots;
    private final MembershipOrders orders;
    private final Results results;

    public EvaluationWriter(NightEvaluation evaluation, AsOf asOf, EffectiveLinks links, Evidence evidence,
                            MembershipOrders orders, Results results) {
        this.evaluation = evaluation;
        this.asOf = asOf;
        this.snapshots = new OrgSnapshots(links, evidence);
        this.orders = orders;
        this.results = results;
    }

    @Override
    public void write(Chunk<? extends OrgRow> chunk) {
        List<OrgRow> orgs = List.copyOf(chunk.getItems());
        List<String> orgIds = orgs.stream().map(OrgRow::orgId).toList();
        Map<String, OrgSnapshot> loaded = snapshots.of(orgs, asOf);
        var ordersByOrg = orders.ofOrganizations(orgIds);
        Map<String, Level> held = results.heldLevels(orgIds);
        List<CompetencyResult> rows = new ArrayList<>();
        List<LevelMet> met = new ArrayList<>();
        List<NightEvaluation.Hold> holds = new ArrayList<>();
        for (OrgRow org : orgs) {
            NightEvaluation.Evaluated evaluated = evaluation.evaluate(loaded.get(org.orgId()),
                    ordersByOrg.getOrDefault(org.orgId(), List.of()), held);
            rows.addAll(evaluated.results());
            holds.addAll(evaluated.holds());
            met.addAll(evaluated.levelsMet());
        }
        results.replace(asOf.businessDate(), orgIds, rows);
        results.hold(holds);
        results.met(met);
    }
}
