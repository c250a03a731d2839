package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.Stored;
import com.competencyrecon.ingest.feeds.MsaLinksFeed.Row;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Owns the table {@code msa_link_event}: the only place its rows are mapped. The accounts an event names are
 * mapped by {@link JdbcUserAccounts}.
 */
@Repository
public class JdbcLinkEvents implements LinkHistory, FeedTable<Row> {

    private static final String MSAS_AFTER = """
            SELECT DISTINCT msa_id FROM msa_link_event WHERE msa_id > :after AND occurred_at <= :at
             ORDER BY msa_id LIMIT :page""";
    private static final String EVENTS_UNTIL = """
            SELECT event_id, msa_id, user_id, action, occurred_at FROM msa_link_event
             WHERE msa_id IN (:msas) AND occurred_at <= :at
             ORDER BY msa_id, occurred_at, event_id""";
    private static final String CHANGED = """
            SELECT DISTINCT msa_id FROM msa_link_event
             WHERE changed_on >= :since AND (changed_on = :night OR (occurred_at > :from AND occurred_at <= :to))""";
    private static final String OF_USERS = "SELECT DISTINCT msa_id FROM msa_link_event WHERE user_id IN (:users)";
    private static final String OF_MSAS =
            "SELECT event_id, msa_id, user_id, action, occurred_at FROM msa_link_event WHERE msa_id IN (:msas)";
    private static final String FIND = """
            SELECT event_id, msa_id, user_id, action, occurred_at, loaded_on, loaded_line FROM msa_link_event
             WHERE event_id IN (:keys)""";
    private static final String INSERT = """
            INSERT INTO msa_link_event (event_id, msa_id, user_id, action, occurred_at, loaded_on, loaded_line, changed_on)
            VALUES (:event_id, :msa_id, :user_id, :action, :occurred_at, :loaded_on, :loaded_line, :loaded_on)""";
    private static final String UPDATE = """
            UPDATE msa_link_event SET msa_id = :msa_id, user_id = :user_id, action = :action,
                   occurred_at = :occurred_at, loaded_on = :loaded_on, loaded_line = :loaded_line, changed_on = :loaded_on
             WHERE event_id = :event_id""";
    private static final String TOUCH =
            "UPDATE msa_link_event SET loaded_on = :loaded_on, loaded_line = :loaded_line WHERE event_id = :event_id";

    private final NamedParameterJdbcTemplate jdbc;
    private final JdbcUserAccounts users;

    public JdbcLinkEvents(NamedParameterJdbcTemplate jdbc, JdbcUserAccounts users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    @Override
    public List<String> msasAfter(String after, Instant at, int limit) {
        return jdbc.queryForList(MSAS_AFTER, new MapSqlParameterSource("after", after == null ? "" : after)
                .addValue("at", Rows.utc(at)).addValue("page", limit), String.class);
    }

    @Override
    public void eventsOf(List<String> msaIds, Instant at, BiConsumer<LinkEvent, UserAccount> each) {
        if (msaIds.isEmpty()) {
            return;
        }
        List<LinkEvent> events = jdbc.query(EVENTS_UNTIL, new MapSqlParameterSource("msas", msaIds)
                .addValue("at", Rows.utc(at)), (rs, i) -> event(rs));
        // An event names an account that ingest checked exists; its owner maps it.
        Map<String, UserAccount> accounts = users.users(events.stream().map(LinkEvent::userId).distinct().toList());
        for (LinkEvent event : events) {
            UserAccount account = accounts.get(event.userId());
            if (account != null) {
                each.accept(event, account);
            }
        }
    }

    /** MSAs with an event applied on the night or whose instant lies in {@code (from, to]}. */
    public Set<String> changed(LocalDate night, LocalDate since, Instant from, Instant to) {
        return new HashSet<>(jdbc.queryForList(CHANGED, new MapSqlParameterSource("night", night)
                .addValue("since", since).addValue("from", Rows.utc(from)).addValue("to", Rows.utc(to)),
                String.class));
    }

    /** MSAs with an event naming one of the given accounts. */
    public Set<String> ofUsers(Collection<String> userIds) {
        Set<String> msas = new HashSet<>();
        List<String> all = List.copyOf(userIds);
        for (int i = 0; i < all.size(); i += 1000) {
            msas.addAll(jdbc.queryForList(OF_USERS, new MapSqlParameterSource("users",
                    all.subList(i, Math.min(all.size(), i + 1000))), String.class));
        }
        return msas;
    }

    @Override
    public Map<String, UserAccount> users(Collection<String> userIds) {
        return users.users(userIds);
    }

    /** Every stored event of the given MSAs, by MSA. */
    public Map<String, List<LinkEvent>> ofMsas(Collection<String> msaIds) {
        Map<String, List<LinkEvent>> byMsa = new HashMap<>();
        if (!msaIds.isEmpty()) {
            jdbc.query(OF_MSAS, new MapSqlParameterSource("msas", msaIds), rs -> {
                LinkEvent event = event(rs);
                byMsa.computeIfAbsent(event.msaId(), k -> new ArrayList<>()).add(event);
            });
        }
        return byMsa;
    }

    private static LinkEvent event(ResultSet rs) throws SQLException {
        return new LinkEvent(rs.getString("event_id"), rs.getString("msa_id"), rs.getString("user_id"),
                LinkAction.valueOf(rs.getString("action")), Rows.instant(rs, "occurred_at"));
    }

    @Override
    public String table() {
        return "msa_link_event";
    }

    @Override
    public Feed feed() {
        return Feed.MSA_LINKS;
    }

    @Override
    public List<Stored<Row>> find(Collection<Row> rows) {
        List<String> keys = rows.stream().map(Row::eventId).distinct().toList();
        return keys.isEmpty() ? List.of() : jdbc.query(FIND, new MapSqlParameterSource("keys", keys), (rs, i) -> {
            LinkEvent e = event(rs);
            return Rows.stored(new Row(e.eventId(), e.msaId(), e.userId(), e.action(), e.occurredAt()), rs);
        });
    }

    @Override
    public void insert(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(INSERT, Rows.params(night, items, JdbcLinkEvents::columns));
    }

    @Override
    public void update(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(UPDATE, Rows.params(night, items, JdbcLinkEvents::columns));
    }

    @Override
    public void touch(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(TOUCH, Rows.params(night, items, row -> new MapSqlParameterSource("event_id", row.eventId())));
    }

    private static MapSqlParameterSource columns(Row row) {
        return new MapSqlParameterSource("event_id", row.eventId()).addValue("msa_id", row.msaId())
                .addValue("user_id", row.userId()).addValue("action", row.action().name())
                .addValue("occurred_at", Rows.utc(row.occurredAt()));
    }
}
