package com.competencyrecon.ingest.internal;

import com.competencyrecon.ownership.UserAccount;
import com.competencyrecon.ownership.UserStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Owns the table {@code user_account}: the only place its rows are mapped. */
@Repository
public class JdbcUserAccounts {

    /** The columns {@link #account} reads; a query joining the table selects them under these names. */
    static final String COLUMNS = "user_id, org_id, status, changed_at";

    private static final String BY_IDS = "SELECT " + COLUMNS + " FROM user_account WHERE user_id IN (:ids)";

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

    /** Maps the account columns of the current row (stored as UTC date-times). */
    static UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString("user_id"), rs.getString("org_id"),
                UserStatus.valueOf(rs.getString("status")),
                rs.getObject("changed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }
}
