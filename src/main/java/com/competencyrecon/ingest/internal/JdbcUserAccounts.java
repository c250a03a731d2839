package com.competencyrecon.ingest.internal;

import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedItem;
import com.competencyrecon.ingest.Stored;
import com.competencyrecon.ingest.feeds.UsersFeed.Row;
import com.competencyrecon.ownership.UserAccount;
import com.competencyrecon.ownership.UserStatus;
import com.competencyrecon.system.jdbc.LocalInfile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Owns the table {@code user_account}: the only place its rows are mapped. */
@Repository
public class JdbcUserAccounts implements BulkFeedTable<Row> {

    private static final String BY_IDS =
            "SELECT user_id, org_id, status, changed_at FROM user_account WHERE user_id IN (:ids)";
    private static final String CHANGED = """
            SELECT user_id, org_id FROM user_account
             WHERE changed_on >= :since AND (changed_on = :night OR (changed_at > :from AND changed_at <= :to))""";
    private static final String FIND = """
            SELECT user_id, org_id, email, status, changed_at, loaded_on, loaded_line FROM user_account
             WHERE user_id IN (:keys)""";
    private static final String INSERT = """
            INSERT INTO user_account (user_id, org_id, email, status, changed_at, loaded_on, loaded_line, changed_on)
            VALUES (:user_id, :org_id, :email, :status, :changed_at, :loaded_on, :loaded_line, :loaded_on)""";
    private static final String UPDATE = """
            UPDATE user_account SET org_id = :org_id, email = :email, status = :status, changed_at = :changed_at,
                   loaded_on = :loaded_on, loaded_line = :loaded_line, changed_on = :loaded_on
             WHERE user_id = :user_id""";
    private static final String TOUCH =
            "UPDATE user_account SET loaded_on = :loaded_on, loaded_line = :loaded_line WHERE user_id = :user_id";
    // The bulk path (MySQL/MariaDB): see BulkFeedTable. changed_on is the night, as INSERT and UPDATE set it.
    private static final String LOAD_NEW = """
            LOAD DATA LOCAL INFILE 'user_account.tsv' INTO TABLE user_account CHARACTER SET utf8mb4
            (user_id, org_id, email, status, changed_at, loaded_on, loaded_line, changed_on)""";
    private static final String LOAD_STAGED = """
            LOAD DATA LOCAL INFILE 'user_account_load.tsv' INTO TABLE user_account_load CHARACTER SET utf8mb4
            (user_id, org_id, email, status, changed_at, loaded_on, loaded_line)""";
    private static final String LOAD_STAGED_KEYS = """
            LOAD DATA LOCAL INFILE 'user_account_load.tsv' INTO TABLE user_account_load CHARACTER SET utf8mb4
            (user_id, loaded_on, loaded_line)""";
    private static final String MERGE_UPDATES = """
            UPDATE user_account u JOIN user_account_load s ON s.user_id = u.user_id
               SET u.org_id = s.org_id, u.email = s.email, u.status = s.status, u.changed_at = s.changed_at,
                   u.loaded_on = s.loaded_on, u.loaded_line = s.loaded_line, u.changed_on = s.loaded_on""";
    private static final String MERGE_TOUCHES = """
            UPDATE user_account u JOIN user_account_load s ON s.user_id = u.user_id
               SET u.loaded_on = s.loaded_on, u.loaded_line = s.loaded_line""";
    private static final String CLEAR_STAGED = "DELETE FROM user_account_load";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcUserAccounts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The accounts with the given ids, by id. */
    public Map<String, UserAccount> users(Collection<String> userIds) {
        Map<String, UserAccount> users = new HashMap<>();
        if (!userIds.isEmpty()) {
            jdbc.query(BY_IDS, new MapSqlParameterSource("ids", userIds), rs -> {
                UserAccount user = account(rs);
                users.put(user.userId(), user);
            });
        }
        return users;
    }

    /** Accounts applied on the night or whose change lies in {@code (from, to]}: user id to organisation. */
    public Map<String, String> changed(LocalDate night, LocalDate since, Instant from, Instant to) {
        Map<String, String> changed = new HashMap<>();
        jdbc.query(CHANGED, new MapSqlParameterSource("night", night).addValue("since", since)
                .addValue("from", Rows.utc(from)).addValue("to", Rows.utc(to)), rs -> {
                    changed.put(rs.getString("user_id"), rs.getString("org_id"));
                });
        return changed;
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString("user_id"), rs.getString("org_id"),
                UserStatus.valueOf(rs.getString("status")), Rows.instant(rs, "changed_at"));
    }

    @Override
    public String table() {
        return "user_account";
    }

    @Override
    public Feed feed() {
        return Feed.USERS;
    }

    @Override
    public List<Stored<Row>> find(Collection<Row> rows) {
        List<String> keys = rows.stream().map(Row::userId).distinct().toList();
        return keys.isEmpty() ? List.of() : jdbc.query(FIND, new MapSqlParameterSource("keys", keys),
                (rs, i) -> Rows.stored(new Row(rs.getString("user_id"), rs.getString("org_id"),
                        Rows.optionalText(rs, "email"), UserStatus.valueOf(rs.getString("status")),
                        Rows.instant(rs, "changed_at")), rs));
    }

    @Override
    public void insert(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(INSERT, Rows.params(night, items, JdbcUserAccounts::columns));
    }

    @Override
    public void update(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(UPDATE, Rows.params(night, items, JdbcUserAccounts::columns));
    }

    @Override
    public void touch(LocalDate night, List<FeedItem<Row>> items) {
        jdbc.batchUpdate(TOUCH, Rows.params(night, items, row -> new MapSqlParameterSource("user_id", row.userId())));
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
                (line, item) -> line.text(item.row().userId()).date(night).number(item.line()));
    }

    private static LocalInfile.Line columns(LocalInfile.Line line, Row row) {
        return line.text(row.userId()).text(row.orgId()).text(row.email()).text(row.status().name())
                .instant(row.changedAt());
    }

    private static MapSqlParameterSource columns(Row row) {
        return new MapSqlParameterSource("user_id", row.userId()).addValue("org_id", row.orgId())
                .addValue("email", row.email()).addValue("status", row.status().name())
                .addValue("changed_at", Rows.utc(row.changedAt()));
    }
}
