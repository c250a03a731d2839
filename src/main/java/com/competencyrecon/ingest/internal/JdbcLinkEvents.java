package com.competencyrecon.ingest.internal;

import com.competencyrecon.ownership.LinkAction;
import com.competencyrecon.ownership.LinkEvent;
import com.competencyrecon.ownership.LinkHistory;
import com.competencyrecon.ownership.UserAccount;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Owns the table {@code msa_link_event}: the only place its rows are mapped. The accounts an event names are
 * read through {@link JdbcUserAccounts}, which maps them.
 */
@Repository
public class JdbcLinkEvents implements LinkHistory {

    private static final String MSAS_AFTER = """
            SELECT DISTINCT msa_id FROM msa_link_event WHERE msa_id > :after AND occurred_at <= :at
             ORDER BY msa_id LIMIT :page""";
    private static final String EVENTS_WITH_USERS = """
            SELECT e.event_id, e.msa_id, e.user_id, e.action, e.occurred_at, u.org_id, u.status, u.changed_at
              FROM msa_link_event e JOIN user_account u ON u.user_id = e.user_id
             WHERE e.msa_id IN (:msas) AND e.occurred_at <= :at
             ORDER BY e.msa_id, e.occurred_at, e.event_id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final JdbcUserAccounts users;

    public JdbcLinkEvents(NamedParameterJdbcTemplate jdbc, JdbcUserAccounts users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public List<String> msasAfter(String after, Instant at, int limit) {
        return jdbc.queryForList(MSAS_AFTER, new MapSqlParameterSource("after", after == null ? "" : after)
                .addValue("at", utc(at)).addValue("page", limit), String.class);
    }

    @Override
    public void eventsOf(List<String> msaIds, Instant at, BiConsumer<LinkEvent, UserAccount> each) {
        if (msaIds.isEmpty()) {
            return;
        }
        jdbc.query(EVENTS_WITH_USERS, new MapSqlParameterSource("msas", msaIds).addValue("at", utc(at)),
                rs -> {
                    each.accept(event(rs), JdbcUserAccounts.account(rs));
                });
    }

    @Override
    public Map<String, UserAccount> users(Collection<String> userIds) {
        return users.users(userIds);
    }

    static LinkEvent event(ResultSet rs) throws SQLException {
        return new LinkEvent(rs.getString("event_id"), rs.getString("msa_id"), rs.getString("user_id"),
                LinkAction.valueOf(rs.getString("action")),
                rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
