package com.competencyrecon.night;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * One night runs at a time on a database. Within a process a lock says so; across processes on MySQL/MariaDB a
 * named server lock held on a connection of its own does (the server frees it if the process dies, so a
 * crashed run never blocks the next start). The embedded database is opened by one process only.
 */
@Component
public class RunLock {

    static final String PREFIX = "competency-recon.night.";

    private final DataSource dataSource;
    /** Not a lock owned by a thread: a night started over the API is released by the thread that ran it. */
    private final Semaphore local = new Semaphore(1);
    private volatile Boolean serverLocks;

    public RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The held lock, or empty when another run holds it. */
    public Optional<AutoCloseable> tryAcquire() {
        if (!local.tryAcquire()) {
            return Optional.empty();
        }
        try {
            if (!usesServerLocks()) {
                return Optional.of(oncePerHold(local::release));
            }
            Connection connection = dataSource.getConnection();
            String name = name(connection.getCatalog());
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                lock.setString(1, name);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next() && rs.getInt(1) == 1) {
                        return Optional.of(oncePerHold(() -> release(connection, name)));
                    }
                }
            }
            connection.close();
            local.release();
            return Optional.empty();
        } catch (SQLException e) {
            local.release();
            throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
        }
    }

    /**
     * The lock of one database: server locks are server-wide, and nights of two programmes kept in two
     * databases of one server do not wait for each other. A name longer than the server takes (64) is digested.
     */
    static String name(String database) {
        String name = PREFIX + (database == null ? "" : database);
        if (name.length() <= 64) {
            return name;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(database.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return PREFIX + java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void release(Connection connection, String name) throws SQLException {
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, name);
            unlock.executeQuery().close();
        } finally {
            local.release();
        }
    }

    /** Closing a held lock twice must not free a hold taken since by another run. */
    private static AutoCloseable oncePerHold(AutoCloseable release) {
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release.close();
            }
        };
    }

    private boolean usesServerLocks() throws SQLException {
        if (serverLocks == null) {
            try (Connection c = dataSource.getConnection()) {
                String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
                serverLocks = product.contains("mysql") || product.contains("mariadb");
            }
        }
        return serverLocks;
    }
}
