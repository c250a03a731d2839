package com.competencyrecon.schedule;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The one owner of {@code schedule_firing}, the firing ledger. Instants are stored as UTC date-times. */
@Repository
public class FiringLedger {

    private static final RowMapper<Firing> FIRING = (rs, i) -> new Firing(rs.getString("schedule_name"),
            instant(rs.getObject("scheduled_at", LocalDateTime.class)),
            instant(rs.getObject("fired_at", LocalDateTime.class)), rs.getString("node"),
            rs.getObject("business_date", LocalDate.class), (Long) rs.getObject("run_id", Long.class),
            Firing.Outcome.valueOf(rs.getString("outcome")), rs.getString("message"),
            instant(rs.getObject("ended_at", LocalDateTime.class)));

    private final NamedParameterJdbcTemplate jdbc;

    public FiringLedger(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code node} takes the firing of {@code schedule} due at {@code scheduledAt}; false when the
     * firing is already recorded, i.e. taken before (by another node, or by this one).
     */
    public boolean take(String schedule, Instant scheduledAt, Instant firedAt, String node) {
        try {
            jdbc.update("""
                    INSERT INTO schedule_firing (schedule_name, scheduled_at, fired_at, node, outcome)
                    VALUES (:schedule, :scheduled, :fired, :node, 'RUNNING')""", key(schedule, scheduledAt)
                    .addValue("fired", utc(firedAt)).addValue("node", node));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Takes over a firing recorded RUNNING whose node died, as Quartz's recovery fires it again on a live node;
     * false when it is not recorded RUNNING.
     */
    public boolean takeOver(String schedule, Instant scheduledAt, Instant firedAt, String node) {
        return jdbc.update("""
                UPDATE schedule_firing SET node = :node, fired_at = :fired
                 WHERE schedule_name = :schedule AND scheduled_at = :scheduled AND outcome = 'RUNNING'""",
                key(schedule, scheduledAt).addValue("fired", utc(firedAt)).addValue("node", node)) == 1;
    }

    /** The night a taken firing runs, as soon as it is chosen. */
    public void night(String schedule, Instant scheduledAt, LocalDate businessDate) {
        jdbc.update("""
                UPDATE schedule_firing SET business_date = :date
                 WHERE schedule_name = :schedule AND scheduled_at = :scheduled""",
                key(schedule, scheduledAt).addValue("date", businessDate));
    }

    /** How a taken firing ended. */
    public void end(String schedule, Instant scheduledAt, LocalDate businessDate, Long runId, Firing.Outcome outcome,
                    String message, Instant endedAt) {
        jdbc.update("""
                UPDATE schedule_firing SET business_date = :date, run_id = :run, outcome = :outcome,
                       message = :message, ended_at = :ended
                 WHERE schedule_name = :schedule AND scheduled_at = :scheduled""",
                key(schedule, scheduledAt).addValue("date", businessDate).addValue("run", runId)
                        .addValue("outcome", outcome.name())
                        .addValue("message", message == null ? null : message.substring(0, Math.min(1000, message.length())))
                        .addValue("ended", utc(endedAt)));
    }

    /** The latest {@code limit} firings of every schedule, newest first. */
    public List<Firing> latest(int limit) {
        return jdbc.query("""
                SELECT schedule_name, scheduled_at, fired_at, node, business_date, run_id, outcome, message, ended_at
                  FROM schedule_firing ORDER BY scheduled_at DESC, schedule_name LIMIT :limit""",
                new MapSqlParameterSource("limit", limit), FIRING);
    }

    private static MapSqlParameterSource key(String schedule, Instant scheduledAt) {
        return new MapSqlParameterSource("schedule", schedule).addValue("scheduled", utc(scheduledAt));
    }

    /** Milliseconds, as the column keeps them, so a key read back is the key written. */
    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
