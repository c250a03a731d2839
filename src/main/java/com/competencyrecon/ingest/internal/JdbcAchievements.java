package com.competencyrecon.ingest.internal;

import com.competencyrecon.evaluation.Achievement;
import com.competencyrecon.evaluation.AchievementStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Owns the table {@code achievement}: the only place its rows are mapped. */
@Repository
public class JdbcAchievements {

    private static final String OF_MSAS = """
            SELECT record_id, msa_id, credential, earned_at, expires_on, status FROM achievement
             WHERE msa_id IN (:msas) ORDER BY msa_id, record_id""";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcAchievements(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The achievements of the given MSAs, by MSA. */
    public Map<String, List<Achievement>> ofMsas(Collection<String> msaIds) {
        Map<String, List<Achievement>> byMsa = new HashMap<>();
        if (msaIds.isEmpty()) {
            return byMsa;
        }
        jdbc.query(OF_MSAS, new MapSqlParameterSource("msas", msaIds), rs -> {
            Achievement a = new Achievement(rs.getString("record_id"), rs.getString("msa_id"),
                    rs.getString("credential"),
                    rs.getObject("earned_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                    rs.getObject("expires_on", LocalDate.class), AchievementStatus.valueOf(rs.getString("status")));
            byMsa.computeIfAbsent(a.msaId(), k -> new ArrayList<>()).add(a);
        });
        return byMsa;
    }
}
