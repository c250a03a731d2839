package com.competencyrecon.restart;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Each writing step after the ingest fails part-way and restarts, on the embedded database (H2 in MySQL mode).
 * Five records a chunk, so evaluation commits several chunks before the faulted one; one partition, so they are
 * committed in id order (PartitionedNightTests restarts partitions).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:steprestart;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.chunk-size=5", "recon.partitions=1", "recon.organisation-pages=true"})
class StepRestartTests extends StepRestartScenario {

    @Override
    String faultTableDdl() {
        return "CREATE TABLE test_fault (target_table VARCHAR(64) NOT NULL, target_column VARCHAR(64) NOT NULL,"
                + " target_value VARCHAR(64) NOT NULL)";
    }

    @Override
    String insertTriggerDdl(String trigger, String table, String column) {
        // H2 runs a Java class per row; it reads the column to compare from test_fault itself.
        return "CREATE TRIGGER " + trigger + " BEFORE INSERT ON " + table + " FOR EACH ROW CALL '"
                + H2InsertFault.class.getName() + "'";
    }
}
