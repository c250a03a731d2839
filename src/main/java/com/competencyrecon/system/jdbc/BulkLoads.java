package com.competencyrecon.system.jdbc;

import com.competencyrecon.system.ReconProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether this process writes its high-volume tables (the bulk feeds, the night's competency results) with
 * {@link LocalInfile}: {@code recon.bulk-load}, and a MySQL/MariaDB connection with local infile allowed at
 * both ends. Asked of the database once, on the first write that needs to know.
 */
@Component
public class BulkLoads {

    private static final Logger log = LoggerFactory.getLogger(BulkLoads.class);

    private final JdbcTemplate jdbc;
    private final boolean allowed;
    private volatile Boolean enabled;

    public BulkLoads(JdbcTemplate jdbc, ReconProperties properties) {
        this.jdbc = jdbc;
        this.allowed = properties.bulkLoad();
    }

    public boolean enabled() {
        if (enabled == null) {
            enabled = allowed && LocalInfile.supported(jdbc);
            log.info("High-volume tables: {}", enabled
                    ? "the bulk feeds and the competency results are loaded in bulk (LOAD DATA LOCAL INFILE)"
                    : "every feed and the competency results are stored by JDBC batches");
        }
        return enabled;
    }
}
