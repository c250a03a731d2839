package com.competencyrecon.evaluation.internal;

import com.competencyrecon.catalog.Level;
import com.competencyrecon.evaluation.CompetencyResult;
import com.competencyrecon.evaluation.Contribution;
import com.competencyrecon.evaluation.LevelChange;
import com.competencyrecon.evaluation.LevelMet;
import com.competencyrecon.evaluation.NightEvaluation;
import com.competencyrecon.evaluation.Results;
import com.competencyrecon.membership.CompetencyStatus;
import com.competencyrecon.system.jdbc.BulkLoads;
import com.competencyrecon.system.jdbc.LocalInfile;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one owner of {@code competency_result}, {@code held_level}, {@code level_met} and
 * {@code level_met_contribution}: the only place their rows are mapped. Long because the four tables are
 * written together by evaluation and read together by alerts, reports and the console.
 */
@Repository
public class JdbcResults implements Results {

    private static final String RESULT_COLUMNS = """
            business_date, org_id, competency, attained_level, attained_path, requirement_level, held_level,
            displayed_level, status, qualifying_people, projected_level, override_id, term_id""";

    private static final RowMapper<CompetencyResult> RESULT = (rs, i) -> new CompetencyResult(
            rs.getObject("business_date", LocalDate.class), rs.getString("org_id"), rs.getString("competency"),
            Level.valueOf(rs.getString("attained_level")), rs.getString("attained_path"),
            Level.valueOf(rs.getString("requirement_level")), Level.valueOf(rs.getString("held_level")),
            Level.valueOf(rs.getString("displayed_level")), CompetencyStatus.valueOf(rs.getString("status")),
            rs.getInt("qualifying_people"), Level.valueOf(rs.getString("projected_level")),
            rs.getString("override_id"), rs.getString("term_id"));

    /** The bulk path (MySQL/MariaDB): a night's results in one load per chunk instead of a batch of inserts. */
    private static final String LOAD_RESULTS = "LOAD DATA LOCAL INFILE 'competency_result.tsv' INTO TABLE"
            + " competency_result CHARACTER SET utf8mb4 (" + RESULT_COLUMNS + ")";

    private final NamedParameterJdbcTemplate jdbc;
    private final BulkLoads bulkLoads;

    public JdbcResults(NamedParameterJdbcTemplate jdbc, BulkLoads bulkLoads) {
        this.jdbc = jdbc;
        this.bulkLoads = bulkLoads;
    }

    @Override
    public void replace(LocalDate date, Collection<String> orgIds, List<CompetencyResult> results) {
        if (!orgIds.isEmpty()) {
            jdbc.update("DELETE FROM competency_result WHERE business_date = :date AND org_id IN (:orgs)",
                    new MapSqlParameterSource("date", date).addValue("orgs", orgIds));
        }
        if (bulkLoads.enabled()) {
            LocalInfile.load(jdbc.getJdbcTemplate(), LOAD_RESULTS, results, (line, r) -> line.date(r.businessDate())
                    .text(r.orgId()).text(r.competency()).text(r.attainedLevel().name()).text(r.attainedPath())
                    .text(r.requirementLevel().name()).text(r.heldLevel().name()).text(r.displayedLevel().name())
                    .text(r.status().name()).number(r.qualifyingPeople()).text(r.projectedLevel().name())
                    .text(r.overrideId()).text(r.termId()));
            return;
        }
        jdbc.batchUpdate("INSERT INTO competency_result (" + RESULT_COLUMNS + """
                ) VALUES (:date, :org, :competency, :attained, :path, :requirementLevel, :held, :displayed, :status,
                        :people, :projected, :override, :term)""",
                results.stream().map(r -> new MapSqlParameterSource().addValue("date", r.businessDate())
                        .addValue("org", r.orgId()).addValue("competency", r.competency())
                        .addValue("attained", r.attainedLevel().name()).addValue("path", r.attainedPath())
                        .addValue("requirementLevel", r.requirementLevel().name())
                        .addValue("held", r.heldLevel().name()).addValue("displayed", r.displayedLevel().name())
                        .addValue("status", r.status().name()).addValue("people", r.qualifyingPeople())
                        .addValue("projected", r.projectedLevel().name()).addValue("override", r.overrideId())
                        .addValue("term", r.termId())).toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public void carryForward(LocalDate from, LocalDate to, Collection<String> orgIds) {
        if (orgIds.isEmpty()) {
            return;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("from", from).addValue("to", to).addValue("orgs", orgIds);
        jdbc.update("DELETE FROM competency_result WHERE business_date = :to AND org_id IN (:orgs)", p);
        jdbc.update("INSERT INTO competency_result (" + RESULT_COLUMNS + """
                ) SELECT :to, org_id, competency, attained_level, attained_path, requirement_level, held_level,
                         displayed_level, status, qualifying_people, projected_level, override_id, term_id
                    FROM competency_result WHERE business_date = :from AND org_id IN (:orgs)""", p);
    }

    @Override
    public void forEachOn(LocalDate date, Consumer<CompetencyResult> each) {
        jdbc.query("SELECT " + RESULT_COLUMNS + " FROM competency_result WHERE business_date = :date"
                        + " ORDER BY org_id, competency", new MapSqlParameterSource("date", date),
                rs -> {
                    each.accept(RESULT.mapRow(rs, 0));
                });
    }

    @Override
    public List<CompetencyResult> on(LocalDate date, Collection<String> orgIds) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + RESULT_COLUMNS + " FROM competency_result"
                        + " WHERE business_date = :date AND org_id IN (:orgs) ORDER BY org_id, competency",
                new MapSqlParameterSource("date", date).addValue("orgs", orgIds), RESULT);
    }

    /**
     * The organisation's results of its latest {@code nights} nights with results, oldest night first, then in
     * competency order: two bounded queries, never the whole history.
     */
    public List<CompetencyResult> historyOf(String orgId, int nights) {
        MapSqlParameterSource p = new MapSqlParameterSource("org", orgId).addValue("nights", nights);
        List<LocalDate> dates = jdbc.queryForList("""
                SELECT DISTINCT business_date FROM competency_result WHERE org_id = :org
                 ORDER BY business_date DESC LIMIT :nights""", p, LocalDate.class);
        if (dates.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + RESULT_COLUMNS + " FROM competency_result"
                + " WHERE org_id = :org AND business_date IN (:dates) ORDER BY business_date, competency",
                p.addValue("dates", dates), RESULT);
    }

    @Override
    public Optional<LocalDate> nightBefore(LocalDate date) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT MAX(business_date) FROM competency_result WHERE business_date < :date",
                new MapSqlParameterSource("date", date), LocalDate.class));
    }

    @Override
    public void changesSince(LocalDate date, LocalDate earlier, Consumer<LevelChange> each) {
        jdbc.query("""
                SELECT t.org_id, t.competency, t.attained_level AS now_level,
                       COALESCE(p.attained_level, 'NONE') AS was_level
                  FROM competency_result t LEFT JOIN competency_result p
                    ON p.org_id = t.org_id AND p.competency = t.competency AND p.business_date = :earlier
                 WHERE t.business_date = :date AND t.attained_level <> COALESCE(p.attained_level, 'NONE')
                 ORDER BY t.org_id, t.competency""",
                new MapSqlParameterSource("date", date).addValue("earlier", earlier), rs -> {
                    each.accept(new LevelChange(rs.getString("org_id"), rs.getString("competency"),
                            Level.valueOf(rs.getString("was_level")), Level.valueOf(rs.getString("now_level"))));
                });
    }

    @Override
    public Map<String, Level> heldLevels(Collection<String> orgIds) {
        Map<String, Level> held = new HashMap<>();
        if (orgIds.isEmpty()) {
            return held;
        }
        jdbc.query("SELECT org_id, competency, term_id, level FROM held_level WHERE org_id IN (:orgs)",
                new MapSqlParameterSource("orgs", orgIds), rs -> {
                    held.put(rs.getString("org_id") + "|" + rs.getString("competency") + "|" + rs.getString("term_id"),
                            Level.valueOf(rs.getString("level")));
                });
        return held;
    }

    @Override
    public void hold(List<NightEvaluation.Hold> holds) {
        jdbc.batchUpdate("""
                UPDATE held_level SET level = :level
                 WHERE org_id = :org AND competency = :competency AND term_id = :term""",
                holdParameters(holds.stream().filter(NightEvaluation.Hold::raised).toList()));
        jdbc.batchUpdate("""
                INSERT INTO held_level (org_id, competency, term_id, level)
                VALUES (:org, :competency, :term, :level)""",
                holdParameters(holds.stream().filter(h -> !h.raised()).toList()));
    }

    private static MapSqlParameterSource[] holdParameters(List<NightEvaluation.Hold> holds) {
        return holds.stream().map(h -> new MapSqlParameterSource().addValue("org", h.orgId())
                .addValue("competency", h.competency()).addValue("term", h.termId())
                .addValue("level", h.level().name())).toArray(MapSqlParameterSource[]::new);
    }

    /**
     * Stores each level met, writing only what differs from the stored row: most nights an organisation meets
     * a level as before, by the same path and people, and only the night it was last met moves on.
     */
    @Override
    public void met(List<LevelMet> levels) {
        if (levels.isEmpty()) {
            return;
        }
        Map<String, LevelMet> stored = new HashMap<>();
        lastMet(levels.stream().map(LevelMet::orgId).distinct().toList()).values()
                .forEach(list -> list.forEach(m -> stored.put(key(m), m)));
        List<LevelMet> replaced = new ArrayList<>();
        List<LevelMet> redated = new ArrayList<>();
        for (LevelMet m : levels) {
            LevelMet before = stored.get(key(m));
            if (before == null || !before.path().equals(m.path())
                    || !contributionsOf(before).equals(contributionsOf(m))) {
                replaced.add(m);
            } else if (!before.lastMetOn().equals(m.lastMetOn())) {
                redated.add(m);
            }
        }
        jdbc.batchUpdate("""
                UPDATE level_met SET last_met_on = :date WHERE org_id = :org AND competency = :competency AND level = :level""",
                levelParameters(redated));
        replace(replaced);
    }

    private static String key(LevelMet m) {
        return m.orgId() + "|" + m.competency() + "|" + m.level();
    }

    /** A level's contributions as stored: by kind and subject (the key), an absent detail as empty. */
    private static Map<String, List<String>> contributionsOf(LevelMet m) {
        Map<String, List<String>> byKey = new HashMap<>();
        for (Contribution c : m.contributions()) {
            byKey.put(c.kind() + "|" + c.subject(),
                    Arrays.asList(c.userId(), c.detail() == null ? "" : c.detail()));
        }
        return byKey;
    }

    private static MapSqlParameterSource[] levelParameters(List<LevelMet> levels) {
        return levels.stream().map(m -> new MapSqlParameterSource().addValue("org", m.orgId())
                .addValue("competency", m.competency()).addValue("level", m.level().name())
                .addValue("date", m.lastMetOn()).addValue("path", m.path())).toArray(MapSqlParameterSource[]::new);
    }

    private void replace(List<LevelMet> levels) {
        if (levels.isEmpty()) {
            return;
        }
        MapSqlParameterSource[] keys = levelParameters(levels);
        jdbc.batchUpdate("DELETE FROM level_met WHERE org_id = :org AND competency = :competency AND level = :level",
                keys);
        jdbc.batchUpdate("""
                DELETE FROM level_met_contribution WHERE org_id = :org AND competency = :competency AND level = :level""",
                keys);
        jdbc.batchUpdate("""
                INSERT INTO level_met (org_id, competency, level, last_met_on, path)
                VALUES (:org, :competency, :level, :date, :path)""", keys);
        List<MapSqlParameterSource> contributions = new ArrayList<>();
        for (LevelMet m : levels) {
            for (Contribution c : m.contributions()) {
                contributions.add(new MapSqlParameterSource().addValue("org", m.orgId())
                        .addValue("competency", m.competency()).addValue("level", m.level().name())
                        .addValue("kind", c.kind().name()).addValue("subject", c.subject())
                        .addValue("user", c.userId()).addValue("detail", c.detail() == null ? "" : c.detail()));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO level_met_contribution (org_id, competency, level, kind, subject, user_id, detail)
                VALUES (:org, :competency, :level, :kind, :subject, :user, :detail)""",
                contributions.toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public Map<String, List<LevelMet>> lastMet(Collection<String> orgIds) {
        Map<String, List<LevelMet>> byOrg = new LinkedHashMap<>();
        if (orgIds.isEmpty()) {
            return byOrg;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("orgs", orgIds);
        Map<String, List<Contribution>> made = new HashMap<>();
        jdbc.query("""
                SELECT org_id, competency, level, kind, subject, user_id, detail FROM level_met_contribution
                 WHERE org_id IN (:orgs) ORDER BY org_id, competency, level, kind, subject""", p, rs -> {
            made.computeIfAbsent(rs.getString("org_id") + "|" + rs.getString("competency") + "|" + rs.getString("level"),
                    k -> new ArrayList<>()).add(new Contribution(Contribution.Kind.valueOf(rs.getString("kind")),
                    rs.getString("subject"), rs.getString("user_id"), rs.getString("detail")));
        });
        jdbc.query("""
                SELECT org_id, competency, level, last_met_on, path FROM level_met
                 WHERE org_id IN (:orgs) ORDER BY org_id, competency, level""", p, rs -> {
            String org = rs.getString("org_id");
            String key = org + "|" + rs.getString("competency") + "|" + rs.getString("level");
            byOrg.computeIfAbsent(org, k -> new ArrayList<>()).add(new LevelMet(org, rs.getString("competency"),
                    Level.valueOf(rs.getString("level")), rs.getObject("last_met_on", LocalDate.class),
                    rs.getString("path"), made.getOrDefault(key, List.of())));
        });
        return byOrg;
    }
}
