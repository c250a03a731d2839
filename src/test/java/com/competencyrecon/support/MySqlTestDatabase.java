package com.competencyrecon.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh database on the MySQL/MariaDB server the environment names: {@code RECON_TEST_MYSQL_URL} (the
 * server, e.g. {@code jdbc:mysql://127.0.0.1:3306/}), {@code RECON_TEST_MYSQL_USER} and
 * {@code RECON_TEST_MYSQL_PASSWORD}. The user may create databases named {@code recon_it_*}.
 * <p>
 * A database is named after the test JVM's process id and kept when the JVM ends, for a look after a failure.
 * The first database a JVM creates first drops those of processes no longer running, so the server holds the
 * databases of the runs in progress and of the last one only (a benchmark leaves about a gigabyte).
 */
public final class MySqlTestDatabase {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicBoolean SWEPT = new AtomicBoolean();
    private static final Pattern NAME = Pattern.compile("recon_it_.*_(\\d+)_\\d+");

    private MySqlTestDatabase() {
    }

    public static boolean configured() {
        String url = System.getenv("RECON_TEST_MYSQL_URL");
        return url != null && !url.isBlank();
    }

    public static String user() {
        return System.getenv().getOrDefault("RECON_TEST_MYSQL_USER", "root");
    }

    public static String password() {
        return System.getenv().getOrDefault("RECON_TEST_MYSQL_PASSWORD", "");
    }

    /** Points the test's data source at a fresh database, when a server is configured. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String purpose) {
        if (configured()) {
            String url = create(purpose);
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", MySqlTestDatabase::user);
            registry.add("spring.datasource.password", MySqlTestDatabase::password);
        }
    }

    /** Drops and creates a database for one test class and returns its JDBC URL. */
    public static String create(String purpose) {
        String server = System.getenv("RECON_TEST_MYSQL_URL");
        String base = server.endsWith("/") ? server : server + "/";
        String name = "recon_it_" + purpose + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        try (Connection c = DriverManager.getConnection(base, user(), password()); Statement s = c.createStatement()) {
            if (SWEPT.compareAndSet(false, true)) {
                dropThoseOfEndedProcesses(s);
            }
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + " on " + base + ": "
                    + e.getMessage(), e);
        }
        return base + name + "?allowLoadLocalInfile=true&rewriteBatchedStatements=true&useSSL=false"
                + "&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    private static void dropThoseOfEndedProcesses(Statement s) throws SQLException {
        List<String> ended = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SHOW DATABASES LIKE 'recon\\_it\\_%'")) {
            while (rs.next()) {
                Matcher m = NAME.matcher(rs.getString(1));
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    ended.add(rs.getString(1));
                }
            }
        }
        for (String database : ended) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }
}
