package com.competencyrecon.plan.internal;

import com.competencyrecon.plan.NightPlan;
import com.competencyrecon.plan.NightPlans;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The one owner of {@code night_plan}, {@code night_msa} and {@code night_org}. */
@Repository
public class JdbcNightPlans implements NightPlans {

    private static final int BATCH = 1000;

    private static final RowMapper<NightPlan> PLAN = (rs, i) -> new NightPlan(
            rs.getObject("business_date", LocalDate.class), NightPlan.Mode.valueOf(rs.getString("mode")),
            rs.getObject("previous_date", LocalDate.class), rs.getString("fingerprint"), rs.getString("reason"));

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcNightPlans(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<NightPlan> latestBefore(LocalDate date) {
        return jdbc.query("""
                SELECT business_date, mode, previous_date, fingerprint, reason FROM night_plan
                 WHERE business_date = (SELECT MAX(business_date) FROM night_plan WHERE business_date < :date)""",
                new MapSqlParameterSource("date", date), PLAN).stream().findFirst();
    }

    @Override
    public Optional<NightPlan> of(LocalDate date) {
        return jdbc.query("""
                SELECT business_date, mode, previous_date, fingerprint, reason FROM night_plan
                 WHERE business_date = :date""", new MapSqlParameterSource("date", date), PLAN).stream().findFirst();
    }

    @Override
    public void save(NightPlan plan) {
        MapSqlParameterSource p = new MapSqlParameterSource("date", plan.date()).addValue("mode", plan.mode().name())
                .addValue("previous", plan.previous()).addValue("fingerprint", plan.fingerprint())
                .addValue("reason", plan.reason());
        jdbc.update("DELETE FROM night_msa WHERE business_date = :date", p);
        jdbc.update("DELETE FROM night_org WHERE business_date = :date", p);
        jdbc.update("DELETE FROM night_plan WHERE business_date = :date", p);
        jdbc.update("""
                INSERT INTO night_plan (business_date, mode, previous_date, fingerprint, reason)
                VALUES (:date, :mode, :previous, :fingerprint, :reason)""", p);
    }

    @Override
    public void markMsas(LocalDate date, Collection<String> msaIds) {
        List<String> fresh = new ArrayList<>(msaIds);
        fresh.removeAll(marked(true, date, msaIds));
        insert("INSERT INTO night_msa (business_date, msa_id) VALUES (:date, :id)", date, fresh);
    }

    @Override
    public void markOrganisations(LocalDate date, Collection<String> orgIds) {
        List<String> fresh = new ArrayList<>(orgIds);
        fresh.removeAll(markedAmong(date, orgIds));
        insert("INSERT INTO night_org (business_date, org_id) VALUES (:date, :id)", date, fresh);
    }

    @Override
    public List<String> msasAfter(LocalDate date, String after, int limit) {
        return jdbc.queryForList("""
                SELECT msa_id FROM night_msa WHERE business_date = :date AND msa_id > :after
                 ORDER BY msa_id LIMIT :limit""",
                new MapSqlParameterSource("date", date).addValue("after", after).addValue("limit", limit), String.class);
    }

    @Override
    public List<String> organisationsAfter(LocalDate date, String after, int limit) {
        return jdbc.queryForList("""
                SELECT org_id FROM night_org WHERE business_date = :date AND org_id > :after
                 ORDER BY org_id LIMIT :limit""",
                new MapSqlParameterSource("date", date).addValue("after", after).addValue("limit", limit), String.class);
    }

    @Override
    public List<String> markedAmong(LocalDate date, Collection<String> orgIds) {
        return marked(false, date, orgIds);
    }

    /** Of the given ids, those marked for the night: MSAs, or else organisations. */
    private List<String> marked(boolean msas, LocalDate date, Collection<String> ids) {
        List<String> found = new ArrayList<>();
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += BATCH) {
            MapSqlParameterSource p = new MapSqlParameterSource("date", date)
                    .addValue("ids", all.subList(i, Math.min(all.size(), i + BATCH)));
            found.addAll(msas
                    ? jdbc.queryForList("SELECT msa_id FROM night_msa WHERE business_date = :date AND msa_id IN (:ids)",
                    p, String.class)
                    : jdbc.queryForList("SELECT org_id FROM night_org WHERE business_date = :date AND org_id IN (:ids)",
                    p, String.class));
        }
        return found;
    }

    private void insert(String sql, LocalDate date, List<String> ids) {
        jdbc.batchUpdate(sql, ids.stream().distinct().map(id -> new MapSqlParameterSource("date", date)
                .addValue("id", id)).toArray(MapSqlParameterSource[]::new));
    }
}
