package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.membership.MembershipOrder;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.membership.Memberships;
import com.competencyrecon.membership.Standing;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a chunk of organisations: loads what they need with one query per kind, evaluates each in plain
 * Java, and stores per competency what was attained, held, displayed and why, replacing any earlier result of
 * the same night (so a restarted night gives the same rows).
 */
public class EvaluationWriter implements ItemWriter<OrgRow> {

    private final NamedParameterJdbcTemplate jdbc;
    private final CompetencyEvaluator evaluator;
    private final AsOf asOf;

    public EvaluationWriter(NamedParameterJdbcTemplate jdbc, Catalog catalog, AsOf asOf) {
        this.jdbc = jdbc;
        this.evaluator = new CompetencyEvaluator(catalog);
        this.asOf = asOf;
    }

    @Override
    public void write(Chunk<? extends OrgRow> chunk) {
        List<String> orgIds = chunk.getItems().stream().map(OrgRow::orgId).toList();
        MapSqlParameterSource p = new MapSqlParameterSource("orgs", orgIds).addValue("date", asOf.businessDate());
        Inputs in = load(p);
        List<MapSqlParameterSource> results = new ArrayList<>();
        List<MapSqlParameterSource> held = new ArrayList<>();
        List<MapSqlParameterSource> met = new ArrayList<>();
        List<MapSqlParameterSource> contributions = new ArrayList<>();
        for (OrgRow org : chunk.getItems()) {
            OrgSnapshot snapshot = new OrgSnapshot(org.orgId(), org.market(),
                    in.people.getOrDefault(org.orgId(), List.of()), in.achievements.getOrDefault(org.orgId(), List.of()),
                    in.metrics.getOrDefault(org.orgId(), List.of()), in.overrides.getOrDefault(org.orgId(), List.of()));
            Optional<MembershipStanding> membership = Memberships.standingOn(
                    in.orders.getOrDefault(org.orgId(), List.of()), asOf.businessDate());
            String termId = membership.filter(MembershipStanding::covers).map(m -> m.term().termId()).orElse(null);
            List<CompetencyOutcome> outcomes = evaluator.evaluate(snapshot, asOf);
            Map<String, Level> projected = new HashMap<>();
            if (membership.isPresent() && membership.get().phase() == MembershipStanding.Phase.ACTIVE) {
                for (CompetencyOutcome o : evaluator.evaluate(snapshot,
                        asOf.projectedTo(membership.get().term().anniversary()))) {
                    projected.put(o.competency(), o.attainedLevel());
                }
            }
            for (CompetencyOutcome outcome : outcomes) {
                Level storedHeld = termId == null ? Level.NONE
                        : in.held.getOrDefault(org.orgId() + "|" + outcome.competency() + "|" + termId, Level.NONE);
                Standing standing = Standing.of(outcome.attainedLevel(), storedHeld, membership, outcome.progress());
                results.add(new MapSqlParameterSource().addValue("date", asOf.businessDate())
                        .addValue("org", org.orgId()).addValue("competency", outcome.competency())
                        .addValue("attained", outcome.attainedLevel().name()).addValue("path", outcome.attainedPath())
                        .addValue("requirementLevel", outcome.requirementLevel().name())
                        .addValue("held", standing.heldLevel().name())
                        .addValue("displayed", standing.displayedLevel().name())
                        .addValue("status", standing.status().name())
                        .addValue("people", outcome.qualifyingPeople())
                        .addValue("projected", projected.getOrDefault(outcome.competency(), outcome.attainedLevel()).name())
                        .addValue("override", outcome.override().map(OverrideGrant::overrideId).orElse(null))
                        .addValue("term", termId));
                if (termId != null && standing.heldLevel().compareTo(storedHeld) > 0) {
                    held.add(new MapSqlParameterSource().addValue("org", org.orgId())
                            .addValue("competency", outcome.competency()).addValue("term", termId)
                            .addValue("level", standing.heldLevel().name()).addValue("stored", storedHeld != Level.NONE));
                }
                for (Level level : List.of(Level.SILVER, Level.GOLD)) {
                    if (outcome.meets(level)) {
                        recordMet(org.orgId(), outcome, level, met, contributions);
                    }
                }
            }
        }
        jdbc.update("DELETE FROM competency_result WHERE business_date = :date AND org_id IN (:orgs)", p);
        jdbc.batchUpdate("""
                INSERT INTO competency_result (business_date, org_id, competency, attained_level, attained_path,
                       requirement_level, held_level, displayed_level, status, qualifying_people, projected_level,
                       override_id, term_id)
                VALUES (:date, :org, :competency, :attained, :path, :requirementLevel, :held, :displayed, :status,
                        :people, :projected, :override, :term)""", results.toArray(MapSqlParameterSource[]::new));
        for (MapSqlParameterSource h : held) {
            if ((Boolean) h.getValue("stored")) {
                jdbc.update("UPDATE held_level SET level = :level WHERE org_id = :org AND competency = :competency"
                        + " AND term_id = :term", h);
            } else {
                jdbc.update("INSERT INTO held_level (org_id, competency, term_id, level) VALUES (:org, :competency, :term, :level)", h);
            }
        }
        if (!met.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM level_met WHERE org_id = :org AND competency = :competency AND level = :level",
                    met.toArray(MapSqlParameterSource[]::new));
            jdbc.batchUpdate("DELETE FROM level_met_contribution WHERE org_id = :org AND competency = :competency AND level = :level",
                    met.toArray(MapSqlParameterSource[]::new));
            jdbc.batchUpdate("""
                    INSERT INTO level_met (org_id, competency, level, last_met_on, path)
                    VALUES (:org, :competency, :level, :date, :path)""", met.toArray(MapSqlParameterSource[]::new));
            jdbc.batchUpdate("""
                    INSERT INTO level_met_contribution (org_id, competency, level, kind, subject, user_id, detail)
                    VALUES (:org, :competency, :level, :kind, :subject, :user, :detail)""",
                    contributions.toArray(MapSqlParameterSource[]::new));
        }
    }

    /**
     * Remembers what made a level tonight: the first met path of that level, or else the path that gave a
     * higher level (or the override).
     */
    private void recordMet(String orgId, CompetencyOutcome outcome, Level level, List<MapSqlParameterSource> met,
                           List<MapSqlParameterSource> contributions) {
        Optional<PathOutcome> path = outcome.firstMetPath(level);
        if (path.isEmpty() && !outcome.attainedPath().equals(CompetencyOutcome.OVERRIDE_PATH)) {
            path = outcome.firstMetPath(outcome.attainedLevel());
        }
        String pathCode = path.map(PathOutcome::path).orElse(CompetencyOutcome.OVERRIDE_PATH);
        met.add(new MapSqlParameterSource().addValue("org", orgId).addValue("competency", outcome.competency())
                .addValue("level", level.name()).addValue("date", asOf.businessDate()).addValue("path", pathCode));
        List<Contribution> made = path.map(PathOutcome::contributions).orElseGet(() -> outcome.override()
                .map(o -> List.of(new Contribution(Contribution.Kind.OVERRIDE, o.overrideId(), null, o.level().name())))
                .orElse(List.of()));
        for (Contribution c : made) {
            contributions.add(new MapSqlParameterSource().addValue("org", orgId)
                    .addValue("competency", outcome.competency()).addValue("level", level.name())
                    .addValue("kind", c.kind().name()).addValue("subject", c.subject()).addValue("user", c.userId())
                    .addValue("detail", c.detail() == null ? "" : c.detail()));
        }
    }

    private Inputs load(MapSqlParameterSource p) {
        Inputs in = new Inputs();
        Map<String, String> orgOfMsa = new HashMap<>();
        jdbc.query("SELECT msa_id, user_id, org_id FROM effective_link WHERE org_id IN (:orgs) ORDER BY msa_id", p, rs -> {
            in.people.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>())
                    .add(new Person(rs.getString("msa_id"), rs.getString("user_id")));
            orgOfMsa.put(rs.getString("msa_id"), rs.getString("org_id"));
        });
        jdbc.query("""
                SELECT a.record_id, a.msa_id, a.credential, a.earned_at, a.expires_on, a.status
                  FROM achievement a JOIN effective_link l ON l.msa_id = a.msa_id
                 WHERE l.org_id IN (:orgs)""", p, rs -> {
            LocalDate expires = rs.getObject("expires_on", LocalDate.class);
            Achievement a = new Achievement(rs.getString("record_id"), rs.getString("msa_id"), rs.getString("credential"),
                    rs.getObject("earned_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), expires,
                    AchievementStatus.valueOf(rs.getString("status")));
            in.achievements.computeIfAbsent(orgOfMsa.get(a.msaId()), k -> new ArrayList<>()).add(a);
        });
        MapSqlParameterSource months = new MapSqlParameterSource(p.getValues())
                .addValue("from", asOf.ttmStart().toString()).addValue("to", asOf.ttmEnd().toString());
        jdbc.query("""
                SELECT org_id, metric, month, association, amount FROM metric_value
                 WHERE org_id IN (:orgs) AND month >= :from AND month <= :to""", months, rs -> {
            in.metrics.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(new MetricValue(
                    rs.getString("metric"), YearMonth.parse(rs.getString("month")),
                    Association.valueOf(rs.getString("association")), rs.getBigDecimal("amount")));
        });
        jdbc.query("""
                SELECT override_id, org_id, competency, level, valid_from, valid_until FROM override_grant
                 WHERE org_id IN (:orgs)""", p, rs -> {
            in.overrides.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(new OverrideGrant(
                    rs.getString("override_id"), rs.getString("competency"), Level.valueOf(rs.getString("level")),
                    rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class)));
        });
        jdbc.query("SELECT order_id, org_id, level, purchased_on FROM membership_order WHERE org_id IN (:orgs)", p, rs -> {
            in.orders.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(new MembershipOrder(
                    rs.getString("order_id"), Level.valueOf(rs.getString("level")),
                    rs.getObject("purchased_on", LocalDate.class)));
        });
        jdbc.query("SELECT org_id, competency, term_id, level FROM held_level WHERE org_id IN (:orgs)", p, rs -> {
            in.held.put(rs.getString("org_id") + "|" + rs.getString("competency") + "|" + rs.getString("term_id"),
                    Level.valueOf(rs.getString("level")));
        });
        return in;
    }

    private static final class Inputs {
        final Map<String, List<Person>> people = new HashMap<>();
        final Map<String, List<Achievement>> achievements = new HashMap<>();
        final Map<String, List<MetricValue>> metrics = new HashMap<>();
        final Map<String, List<OverrideGrant>> overrides = new HashMap<>();
        final Map<String, List<MembershipOrder>> orders = new HashMap<>();
        final Map<String, Level> held = new HashMap<>();
    }
}
