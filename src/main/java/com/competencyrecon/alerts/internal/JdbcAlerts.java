package com.competencyrecon.alerts.internal;

import com.competencyrecon.alerts.Alert;
import com.competencyrecon.alerts.AlertCondition;
import com.competencyrecon.alerts.AlertLedger;
import com.competencyrecon.alerts.AlertState;
import com.competencyrecon.alerts.AlertType;
import com.competencyrecon.alerts.Alerts;
import com.competencyrecon.alerts.StoredAlert;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one owner of the {@code alert} table: causes are stored joined by {@code ;}. */
@Repository
public class JdbcAlerts implements Alerts {

    /** Keys per look-up: five placeholders each keeps a statement well under the drivers' limits. */
    private static final int KEYS_PER_QUERY = 1000;

    private static final String SELECT = """
            SELECT alert_id, org_id, type, competency, level, term_id, opened_on, last_seen_on, resolved_on,
                   causes, message
              FROM alert
            """;

    private static final String SHOWN_ON = SELECT + """
             WHERE (resolved_on IS NULL AND last_seen_on = :date) OR resolved_on = :date
             ORDER BY alert_id""";

    private static final String RELEVANT_TO = SELECT + """
             WHERE org_id IN (:orgs)
               AND (resolved_on IS NULL OR resolved_on >= :date OR opened_on >= :date)""";

    private static final String RAISED = """
            SELECT org_id, type, competency, level, term_id FROM alert
             WHERE (org_id, type, competency, level, term_id) IN (:keys)""";

    private static final String INSERT = """
            INSERT INTO alert (alert_id, org_id, type, competency, level, term_id, opened_on, last_seen_on,
                   resolved_on, causes, message)
            VALUES (:id, :org, :type, :competency, :level, :term, :opened, :seen, :resolved, :causes, :message)""";

    private static final String HOLD = """
            UPDATE alert SET last_seen_on = :seen, resolved_on = NULL, causes = :causes, message = :message
             WHERE alert_id = :id""";

    private static final String RESOLVE = "UPDATE alert SET resolved_on = :resolved WHERE alert_id = :id";

    private static final RowMapper<StoredAlert> ROW = (rs, i) -> new StoredAlert(rs.getString("alert_id"),
            rs.getString("org_id"), AlertType.valueOf(rs.getString("type")), rs.getString("competency"),
            rs.getString("level"), rs.getString("term_id"), rs.getObject("opened_on", LocalDate.class),
            rs.getObject("last_seen_on", LocalDate.class), rs.getObject("resolved_on", LocalDate.class),
            causes(rs.getString("causes")), rs.getString("message"));

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcAlerts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<AlertType, Integer> carryForward(LocalDate from, LocalDate to, Collection<String> orgIds) {
        Map<AlertType, Integer> carried = new java.util.EnumMap<>(AlertType.class);
        if (orgIds.isEmpty()) {
            return carried;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("from", from).addValue("to", to).addValue("orgs", orgIds);
        jdbc.update("""
                UPDATE alert SET last_seen_on = :to
                 WHERE resolved_on IS NULL AND last_seen_on = :from AND org_id IN (:orgs)""", p);
        jdbc.query("""
                SELECT type, COUNT(*) AS n FROM alert
                 WHERE resolved_on IS NULL AND last_seen_on = :to AND opened_on < :to AND org_id IN (:orgs)
                 GROUP BY type""", p, rs -> {
            carried.put(AlertType.valueOf(rs.getString("type")), rs.getInt("n"));
        });
        return carried;
    }

    @Override
    public List<Alert> shownOn(LocalDate night) {
        return jdbc.query(SHOWN_ON, new MapSqlParameterSource("date", night), ROW).stream()
                .map(a -> a.asShownOn(night)).toList();
    }

    /** How many alerts each of the given nights raised (opened), by night; a night that raised none is absent. */
    public Map<LocalDate, Integer> raisedOn(Collection<LocalDate> nights) {
        Map<LocalDate, Integer> raised = new java.util.HashMap<>();
        if (nights.isEmpty()) {
            return raised;
        }
        jdbc.query("SELECT opened_on, COUNT(*) AS n FROM alert WHERE opened_on IN (:nights) GROUP BY opened_on",
                new MapSqlParameterSource("nights", nights), rs -> {
                    raised.put(rs.getObject("opened_on", LocalDate.class), rs.getInt("n"));
                });
        return raised;
    }

    /**
     * One page of the alerts a night showed, in alert id order, narrowed to a type, a state on that night and an
     * organisation when they are given (null for any). For the latest night these are {@link #shownOn(LocalDate)};
     * for an earlier one, the alerts that held through it (opened on or before it, last seen on or after it,
     * not resolved by then) and those it resolved, each in the state it had that night.
     */
    public List<Alert> shownOn(LocalDate night, AlertType type, AlertState state, String orgId, int offset,
                               int limit) {
        MapSqlParameterSource p = shownFilter(night, type, orgId).addValue("offset", offset).addValue("limit", limit);
        return jdbc.query(SELECT + " WHERE " + shownWhere(type, state, orgId) + " ORDER BY alert_id"
                + " LIMIT :limit OFFSET :offset", p, ROW).stream().map(a -> asOf(a, night).asShownOn(night)).toList();
    }

    /** How many alerts {@link #shownOn(LocalDate, AlertType, AlertState, String, int, int)} pages through. */
    public long countShownOn(LocalDate night, AlertType type, AlertState state, String orgId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM alert WHERE " + shownWhere(type, state, orgId),
                shownFilter(night, type, orgId), Long.class);
        return n == null ? 0 : n;
    }

    /** The alert as it stood on an earlier night: a resolution after that night had not happened yet. */
    private static StoredAlert asOf(StoredAlert a, LocalDate night) {
        return a.resolvedOn() != null && a.resolvedOn().isAfter(night) ? new StoredAlert(a.alertId(), a.orgId(),
                a.type(), a.competency(), a.level(), a.termId(), a.openedOn(), a.lastSeenOn(), null, a.causes(),
                a.message()) : a;
    }

    /** The organisation's alerts that still hold (not resolved), newest first, at most {@code limit}. */
    public List<StoredAlert> holdingOf(String orgId, int limit) {
        return jdbc.query(SELECT + """
                 WHERE org_id = :org AND resolved_on IS NULL ORDER BY opened_on DESC, alert_id LIMIT :limit""",
                new MapSqlParameterSource("org", orgId).addValue("limit", limit), ROW);
    }

    /** Fixed SQL fragments only: the values travel as parameters. The states follow {@link AlertState#on}. */
    private static String shownWhere(AlertType type, AlertState state, String orgId) {
        StringBuilder where = new StringBuilder("""
                ((opened_on <= :date AND last_seen_on >= :date AND (resolved_on IS NULL OR resolved_on > :date))
                 OR resolved_on = :date)""");
        if (type != null) {
            where.append(" AND type = :type");
        }
        if (state == AlertState.RESOLVED) {
            where.append(" AND resolved_on = :date");
        } else if (state != null) {
            where.append(state == AlertState.NEW ? " AND opened_on = :date" : " AND opened_on < :date")
                    .append(" AND (resolved_on IS NULL OR resolved_on <> :date)");
        }
        if (orgId != null) {
            where.append(" AND org_id = :org");
        }
        return where.toString();
    }

    private static MapSqlParameterSource shownFilter(LocalDate night, AlertType type, String orgId) {
        return new MapSqlParameterSource("date", night).addValue("type", type == null ? null : type.name())
                .addValue("org", orgId);
    }

    /** The alerts of the organisations that tonight can hold, resolve or hold again (after a rerun). */
    public List<StoredAlert> relevantTo(LocalDate night, Collection<String> orgIds) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(RELEVANT_TO, new MapSqlParameterSource("orgs", orgIds).addValue("date", night), ROW);
    }

    /** The keys of the conditions that have an alert, raised on whatever night. */
    public Set<String> everRaised(Collection<AlertCondition> conditions) {
        List<Object[]> keys = conditions.stream().map(c -> new Object[]{c.orgId(), c.type().name(), c.competency(),
                c.level(), c.termId()}).toList();
        Set<String> raised = new HashSet<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<Object[]> part = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            jdbc.query(RAISED, new MapSqlParameterSource("keys", part), rs -> {
                raised.add(String.join("|", rs.getString("org_id"), rs.getString("type"), rs.getString("competency"),
                        rs.getString("level"), rs.getString("term_id")));
            });
        }
        return raised;
    }

    /** Writes what the ledger decided, one batch per kind of change. */
    public void apply(AlertLedger.Changes changes) {
        batch(INSERT, changes.raised());
        batch(HOLD, changes.held());
        batch(RESOLVE, changes.resolved());
    }

    private void batch(String sql, List<StoredAlert> alerts) {
        if (!alerts.isEmpty()) {
            jdbc.batchUpdate(sql, alerts.stream().map(JdbcAlerts::params).toArray(MapSqlParameterSource[]::new));
        }
    }

    private static MapSqlParameterSource params(StoredAlert a) {
        return new MapSqlParameterSource().addValue("id", a.alertId()).addValue("org", a.orgId())
                .addValue("type", a.type().name()).addValue("competency", a.competency())
                .addValue("level", a.level()).addValue("term", a.termId()).addValue("opened", a.openedOn())
                .addValue("seen", a.lastSeenOn()).addValue("resolved", a.resolvedOn(), Types.DATE)
                .addValue("causes", String.join(";", a.causes())).addValue("message", a.message());
    }

    private static List<String> causes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(joined.split(";")));
    }
}
