package com.competencyrecon.ownership.internal;

import com.competencyrecon.ownership.EffectiveLink;
import com.competencyrecon.ownership.EffectiveLinks;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/** The one owner of {@code effective_link}: the only place its rows are mapped. */
@Repository
public class JdbcEffectiveLinks implements EffectiveLinks {

    private static final RowMapper<EffectiveLink> LINK = (rs, i) -> new EffectiveLink(rs.getString("msa_id"),
            rs.getString("user_id"), rs.getString("org_id"),
            rs.getObject("since", LocalDateTime.class).toInstant(ZoneOffset.UTC));

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcEffectiveLinks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void clear() {
        jdbc.getJdbcTemplate().update("DELETE FROM effective_link");
    }

    @Override
    public void forget(Collection<String> msaIds) {
        if (!msaIds.isEmpty()) {
            jdbc.update("DELETE FROM effective_link WHERE msa_id IN (:msas)", new MapSqlParameterSource("msas", msaIds));
        }
    }

    @Override
    public void save(List<EffectiveLink> links) {
        jdbc.batchUpdate("INSERT INTO effective_link (msa_id, user_id, org_id, since) VALUES (:msa, :user, :org, :since)",
                links.stream().map(link -> new MapSqlParameterSource().addValue("msa", link.msaId())
                        .addValue("user", link.userId()).addValue("org", link.orgId())
                        .addValue("since", LocalDateTime.ofInstant(link.since(), ZoneOffset.UTC)))
                        .toArray(MapSqlParameterSource[]::new));
    }

    @Override
    public Map<String, List<EffectiveLink>> ofOrganizations(Collection<String> orgIds) {
        Map<String, List<EffectiveLink>> byOrg = new LinkedHashMap<>();
        if (orgIds.isEmpty()) {
            return byOrg;
        }
        jdbc.query("SELECT msa_id, user_id, org_id, since FROM effective_link WHERE org_id IN (:orgs) ORDER BY msa_id",
                new MapSqlParameterSource("orgs", orgIds), rs -> {
                    EffectiveLink link = LINK.mapRow(rs, 0);
                    byOrg.computeIfAbsent(link.orgId(), k -> new ArrayList<>()).add(link);
                });
        return byOrg;
    }

    @Override
    public Map<String, EffectiveLink> ofMsas(Collection<String> msaIds) {
        Map<String, EffectiveLink> byMsa = new HashMap<>();
        if (msaIds.isEmpty()) {
            return byMsa;
        }
        jdbc.query("SELECT msa_id, user_id, org_id, since FROM effective_link WHERE msa_id IN (:msas)",
                new MapSqlParameterSource("msas", msaIds), rs -> {
                    EffectiveLink link = LINK.mapRow(rs, 0);
                    byMsa.put(link.msaId(), link);
                });
        return byMsa;
    }
}
