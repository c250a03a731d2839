package com.competencyrecon.console.internal;

import com.competencyrecon.night.NightParameters;
import com.competencyrecon.night.NightlyJobConfig;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Read-only, paged look-ups of the nights in Spring Batch's job repository, which has no query by status or
 * date range: one row per night (business date) with its latest run, newest night first.
 */
@Repository
public class JdbcNightRuns {

    /** A night's latest run and how many runs it had. */
    public record NightRun(long runId, LocalDate businessDate, String status, LocalDateTime started,
                           LocalDateTime ended, int runs) {
    }

    /** What the list is narrowed to; a null field narrows nothing. */
    public record Filter(String status, LocalDate from, LocalDate to) {
    }

    private static final String LATEST = """
              FROM BATCH_JOB_EXECUTION e
              JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
              JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                   AND p.PARAMETER_NAME = :dateParameter
             WHERE i.JOB_NAME = :job
               AND e.JOB_EXECUTION_ID = (SELECT MAX(l.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION l
                                          WHERE l.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID)""";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcNightRuns(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<NightRun> page(Filter filter, int offset, int limit) {
        return jdbc.query("""
                SELECT e.JOB_EXECUTION_ID, p.PARAMETER_VALUE, e.STATUS, e.START_TIME, e.END_TIME,
                       (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION c WHERE c.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID) AS runs
                """ + LATEST + where(filter) + """

                 ORDER BY p.PARAMETER_VALUE DESC LIMIT :limit OFFSET :offset""",
                parameters(filter).addValue("limit", limit).addValue("offset", offset),
                (rs, i) -> new NightRun(rs.getLong("JOB_EXECUTION_ID"), LocalDate.parse(rs.getString("PARAMETER_VALUE")),
                        rs.getString("STATUS"), rs.getObject("START_TIME", LocalDateTime.class),
                        rs.getObject("END_TIME", LocalDateTime.class), rs.getInt("runs")));
    }

    public long count(Filter filter) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) " + LATEST + where(filter), parameters(filter), Long.class);
        return n == null ? 0 : n;
    }

    /** Fixed fragments only; the values are parameters. Dates are stored as ISO text, so text order is date order. */
    private static String where(Filter filter) {
        return (filter.status() == null ? "" : " AND e.STATUS = :status")
                + (filter.from() == null ? "" : " AND p.PARAMETER_VALUE >= :from")
                + (filter.to() == null ? "" : " AND p.PARAMETER_VALUE <= :to");
    }

    private static MapSqlParameterSource parameters(Filter filter) {
        return new MapSqlParameterSource("dateParameter", NightParameters.BUSINESS_DATE)
                .addValue("job", NightlyJobConfig.JOB_NAME).addValue("status", filter.status())
                .addValue("from", filter.from() == null ? null : filter.from().toString())
                .addValue("to", filter.to() == null ? null : filter.to().toString());
    }
}
