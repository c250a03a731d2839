package com.competencyrecon.ingest.internal;

import com.competencyrecon.evaluation.Achievement;
import com.competencyrecon.evaluation.AchievementStatus;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.Stored;
import com.competencyrecon.ingest.feeds.AchievementsFeed.Row;
import com.competencyrecon.system.jdbc.LocalInfile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Set;
import java.util.HashSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Owns the table {@code achievement}: the only place its rows are mapped. */
@Repository
public class JdbcAchievements implements BulkFeedTable<Row> {

    private static final String OF_MSAS = """
            SELECT record_id, msa_id, credential, earned_at, expires_on, status FROM achievement
             WHERE msa_id IN (:msas) ORDER BY msa_id, record_id""";
    private static final String CHANGED = """
            SELECT DISTINCT msa_id FROM achievement
             WHERE changed_on >= :since AND (changed_on = :night OR (earned_at > :from AND earned_at <= :to))""";
    private static final String EXPIRING = """
            SELECT DISTINCT msa_id FROM achievement WHERE expires_on > :before AND expires_on <= :night""";
    private static final String FIND = """
            SELECT record_id, msa_id, credential, earned_at, expires_on, status, source, loaded_on, loaded_line
              FROM achievement WHERE record_id IN (:keys)""";
    private static final String INSERT = """
            INSERT INTO achievement (record_id, msa_id, credential, earned_at, expires_on, status, source,
                                     loaded_on, loaded_line, changed_on)
            VALUES (:record_id, :msa_id, :credential, :earned_at, :expires_on, :status, :source, :loaded_on,
                    :loaded_line, :loaded_on)""";
    private static final String UPDATE = """
            UPDATE achievement SET msa_id = :msa_id, credential = :credential, earned_at = :earned_at,
                   expires_on = :expires_on, status = :status, source = :source, loaded_on = :loaded_on,
                   loaded_line = :loaded_line, changed_on = :loaded_on
             WHERE record_id = :record_id""";
    private static final String TOUCH =
            "UPDATE achievement SET loaded_on = :loaded_on, loaded_line = :loaded_line WHERE record_id = :record_id";
    // The bulk path (MySQL/MariaDB): see BulkFeedTable. changed_on is the night, as INSERT and UPDATE set it.
    private static final String LOAD_NEW = """
            LOAD DATA LOCAL INFILE 'achievement.tsv' INTO TABLE achievement CHARACTER SET utf8mb4
            (record_id, msa_id, credential, earned_at, expires_on, status, source, loaded_on, loaded_line, changed_on)""";
    private static final String LOAD_STAGED = """
            LOAD DATA LOCAL INFILE 'achievement_load.tsv' INTO TABLE achievement_load CHARACTER SET utf8mb4
            (record_id, msa_id, credential, earned_at, expires_on, status, source, loaded_on, loaded_line)""";
    private static final String LOAD_STAGED_KEYS = """
            LOAD DATA LOCAL INFILE 'achievement_load.tsv' INTO TABLE achievement_load CHARACTER SET utf8mb4
            (record_id, loaded_on, loaded_line)""";
    private static final String MERGE_UPDATES = """
            UPDATE achievement a JOIN achievement_load s ON s.record_id = a.record_id
               SET a.msa_id = s.msa_id, a.credential = s.credential, a.earned_at = s.earned_at,
                   a.expires_on = s.expires_on, a.status = s.status, a.source = s.source, a.loaded_on = s.loaded_on,
                   a.loaded_line = s.loaded_line, a.changed_on = s.loaded_on""";
    private static final String MERGE_TOUCHES = """
            UPDATE achievement a JOIN achievement_load s ON s.record_id = a.record_id
               SET a.loaded_on = s.loaded_on, a.loaded_line = s.loaded_line""";
    private static final String CLEAR_STAGED = "DELETE FROM achievement_load";

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
                    rs.getString("credential"), Rows.instant(rs, "earned_at"),
                    rs.getObject("expires_on", LocalDate.class), AchievementStatus.valueOf(rs.getString("status")));
            byMsa.computeIfAbsent(a.msaId(), k -> new ArrayList<>()).add(a);
        });
        return byMsa;
    }

    /**
     * MSAs with an achievement applied on the night, earned in {@code (from, to]} (only records changed since
     * {@code since} can be) or expiring in {@code (before, night]}.
     */
    public Set<String> changed(LocalDate before, LocalDate night, LocalDate since, Instant from, Instant to) {
        MapSqlParameterSource p = new MapSqlParameterSource("night", night).addValue("before", before)
                .addValue("since", since).addValue("from", Rows.utc(from)).addValue("to", Rows.utc(to));
        Set<String> msas = new HashSet<>(jdbc.queryForList(CHANGED, p, String.class));
        msas.addAll(jdbc.queryForList(EXPIRING, p, String.class));
        return msas;
    }

    @Override
    public String table() {
        return "achievement";
    }

    @Override
    public Feed feed() {
        return Feed.ACHIEVEMENTS;
    }

    @Override
    public List<Stored<Row>> find(Collection<Row> rows) {
        List<String> keys = rows.stream().map(Row::recordId).distinct().toList();
        return keys.isEmpty() ? List.of() : jdbc.query(FIND, new MapSqlParameterSource("keys", keys),
                (rs, i) -> Rows.stored(new Row(rs.getString("record_id"), rs.getString("msa_id"),
                        rs.getString("credential"), Rows.instant(rs, "earned_at"),
                        rs.getObject("expires_on", LocalDate.class), AchievementStatus.valueOf(rs.getString("status")),
                        Rows.optionalText(rs, "source")), rs));
    }

    @Override
    public void insert(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(INSERT, Rows.params(night, items, JdbcAchievements::columns));
    }

    @Override
    public void update(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(UPDATE, Rows.params(night, items, JdbcAchievements::columns));
    }

    @Override
    public void touch(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(TOUCH, Rows.params(night, items,
                row -> new MapSqlParameterSource("record_id", row.recordId())));
    }

    @Override
    public void loadInserts(LocalDate night, List<FeedItem<Row>> items) {
        LocalInfile.load(jdbc.getJdbcTemplate(), LOAD_NEW, items,
                (line, item) -> columns(line, item.row()).date(night).number(item.line()).date(night));
    }

    @Override
    public void loadUpdates(LocalDate night, List<FeedItem<Row>> items) {
        LocalInfile.merge(jdbc.getJdbcTemplate(), LOAD_STAGED, MERGE_UPDATES, CLEAR_STAGED, items,
                (line, item) -> columns(line, item.row()).date(night).number(item.line()));
    }

    @Override
    public void loadTouches(LocalDate night, List<FeedItem<Row>> items) {
        LocalInfile.merge(jdbc.getJdbcTemplate(), LOAD_STAGED_KEYS, MERGE_TOUCHES, CLEAR_STAGED, items,
                (line, item) -> line.text(item.row().recordId()).date(night).number(item.line()));
    }

    private static LocalInfile.Line columns(LocalInfile.Line line, Row row) {
        return line.text(row.recordId()).text(row.msaId()).text(row.credential()).instant(row.earnedAt())
                .date(row.expiresOn()).text(row.status().name()).text(row.source());
    }

    private static MapSqlParameterSource columns(Row row) {
        return new MapSqlParameterSource("record_id", row.recordId()).addValue("msa_id", row.msaId())
                .addValue("credential", row.credential()).addValue("earned_at", Rows.utc(row.earnedAt()))
                .addValue("expires_on", row.expiresOn()).addValue("status", row.status().name())
                .addValue("source", row.source());
    }
}
