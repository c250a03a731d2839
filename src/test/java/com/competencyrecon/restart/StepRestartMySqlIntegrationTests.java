package com.competencyrecon.restart;

import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each writing step after the ingest fails part-way and restarts, on MySQL/MariaDB through Connector/J.
 * Five records a chunk, so evaluation commits several chunks before the faulted one.
 */
@RequiresMySql
@ActiveProfiles("mysql")
@SpringBootTest(properties = {"recon.roots=/", "recon.chunk-size=5", "recon.partitions=1", "recon.organisation-pages=true"})
class StepRestartMySqlIntegrationTests extends StepRestartScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.register(registry, "steprestart");
    }

    @Override
    String faultTableDdl() {
        // The product's keys compare byte for byte (utf8mb4_bin); the switch table must compare the same way.
        return "CREATE TABLE test_fault (target_table VARCHAR(64) NOT NULL, target_column VARCHAR(64) NOT NULL,"
                + " target_value VARCHAR(64) NOT NULL) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    }

    @Override
    String insertTriggerDdl(String trigger, String table, String column) {
        return """
                CREATE TRIGGER %s BEFORE INSERT ON %s FOR EACH ROW
                IF EXISTS (SELECT 1 FROM test_fault WHERE target_table = '%s' AND target_value = NEW.%s) THEN
                  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected fault';
                END IF""".formatted(trigger, table, table, column);
    }
}
