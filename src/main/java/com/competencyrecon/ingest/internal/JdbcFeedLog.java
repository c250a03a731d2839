package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedLog;
import com.competencyrecon.ingest.Reject;
import com.competencyrecon.ingest.RejectReason;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Owns the tables {@code feed_reject} and {@code feed_count}: the only place their rows are mapped. The tables
 * name a feed by its file name.
 */
@Repository
public class JdbcFeedLog implements FeedLog {

    private static final String REJECTS = """
            SELECT feed, line, record_key, reason, detail FROM feed_reject WHERE business_date = :date
             ORDER BY feed, line""";
    private static final String DELETE_REJECT =
            "DELETE FROM feed_reject WHERE business_date = :date AND feed = :feed AND line = :line";
    private static final String INSERT_REJECT = """
            INSERT INTO feed_reject (business_date, feed, line, record_key, reason, detail)
            VALUES (:date, :feed, :line, :key, :reason, :detail)""";
    private static final String REASONS = """
            SELECT feed, reason, COUNT(*) AS n FROM feed_reject WHERE business_date = :date
             GROUP BY feed, reason ORDER BY feed, n DESC, reason""";
    private static final String REASONS_OF_FEED = """
            SELECT reason, COUNT(*) AS n FROM feed_reject WHERE business_date = :date AND feed = :feed
             GROUP BY reason ORDER BY n DESC, reason""";
    private static final String COUNTS =
            "SELECT feed, read_count, applied_count, rejected_count FROM feed_count WHERE business_date = :date";
    private static final String ADD_COUNTS = """
            UPDATE feed_count SET read_count = read_count + :read, applied_count = applied_count + :applied,
                   rejected_count = rejected_count + :rejected
             WHERE business_date = :date AND feed = :feed""";
    private static final String INSERT_COUNTS = """
            INSERT INTO feed_count (business_date, feed, read_count, applied_count, rejected_count)
            VALUES (:date, :feed, :read, :applied, :rejected)""";
    private static final String REJECTED_COUNT =
            "SELECT rejected_count FROM feed_count WHERE business_date = :date AND feed = :feed";
    private static final String HAS_COUNTS =
            "SELECT COUNT(*) FROM feed_count WHERE business_date = :date AND feed = :feed";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcFeedLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void rejectsOf(LocalDate night, Consumer<Reject> each) {
        jdbc.query(REJECTS, new MapSqlParameterSource("date", night), rs -> {
            each.accept(new Reject(Feed.byFileName(rs.getString("feed")), rs.getLong("line"),
                    rs.getString("record_key"), RejectReason.valueOf(rs.getString("reason")), rs.getString("detail")));
        });
    }

    @Override
    public Map<Feed, Counts> countsOf(LocalDate night) {
        Map<Feed, Counts> counts = new LinkedHashMap<>();
        jdbc.query(COUNTS, new MapSqlParameterSource("date", night), rs -> {
            counts.put(Feed.byFileName(rs.getString("feed")), new Counts(rs.getLong("read_count"),
                    rs.getLong("applied_count"), rs.getLong("rejected_count")));
        });
        return counts;
    }

    @Override
    public Map<Feed, List<ReasonCount>> reasonsOf(LocalDate night) {
        Map<Feed, List<ReasonCount>> reasons = new LinkedHashMap<>();
        jdbc.query(REASONS, new MapSqlParameterSource("date", night), rs -> {
            reasons.computeIfAbsent(Feed.byFileName(rs.getString("feed")), k -> new ArrayList<>())
                    .add(new ReasonCount(RejectReason.valueOf(rs.getString("reason")), rs.getLong("n")));
        });
        return reasons;
    }

    @Override
    public void markDelivered(LocalDate night, Feed feed) {
        MapSqlParameterSource p = feed(night, feed);
        Integer rows = jdbc.queryForObject(HAS_COUNTS, p, Integer.class);
        if (rows != null && rows == 0) {
            jdbc.update(INSERT_COUNTS, p.addValue("read", 0).addValue("applied", 0).addValue("rejected", 0));
        }
    }

    /** Records the rejects of a chunk, replacing any of the same lines (a restarted chunk rejects them again). */
    public void record(LocalDate night, Feed feed, List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(DELETE_REJECT, rejects.stream().map(r -> feed(night, feed).addValue("line", r.line()))
                .toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate(INSERT_REJECT, rejects.stream().map(r -> feed(night, feed).addValue("line", r.line())
                .addValue("key", truncate(r.recordKey(), 512)).addValue("reason", r.reason().name())
                .addValue("detail", truncate(r.detail(), 2000))).toArray(MapSqlParameterSource[]::new));
    }

    /** Adds a chunk to the night's counts of the feed and returns the feed's rejects so far. */
    public long add(LocalDate night, Feed feed, long read, long applied, long rejected) {
        MapSqlParameterSource p = feed(night, feed).addValue("read", read).addValue("applied", applied)
                .addValue("rejected", rejected);
        if (jdbc.update(ADD_COUNTS, p) == 0) {
            jdbc.update(INSERT_COUNTS, p);
        }
        return jdbc.queryForObject(REJECTED_COUNT, p, Long.class);
    }

    /** The feed's most frequent reject reasons of the night, at most {@code limit}, ties by reason. */
    public Map<RejectReason, Long> topReasons(LocalDate night, Feed feed, int limit) {
        Map<RejectReason, Long> reasons = new LinkedHashMap<>();
        jdbc.query(REASONS_OF_FEED, feed(night, feed), rs -> {
            if (reasons.size() < limit) {
                reasons.put(RejectReason.valueOf(rs.getString("reason")), rs.getLong("n"));
            }
        });
        return reasons;
    }

    /** The first {@code limit} rejects (in line order) a night recorded for a feed with one reason: samples. */
    public List<Reject> samplesOf(LocalDate night, Feed feed, RejectReason reason, int limit) {
        return jdbc.query("""
                SELECT feed, line, record_key, reason, detail FROM feed_reject
                 WHERE business_date = :date AND feed = :feed AND reason = :reason ORDER BY line LIMIT :limit""",
                feed(night, feed).addValue("reason", reason.name()).addValue("limit", limit),
                (rs, i) -> new Reject(feed, rs.getLong("line"), rs.getString("record_key"), reason,
                        rs.getString("detail")));
    }

    private static MapSqlParameterSource feed(LocalDate night, Feed feed) {
        return new MapSqlParameterSource("date", night).addValue("feed", feed.fileName());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
