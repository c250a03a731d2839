package com.competencyrecon.ingest.badinput;

import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bad-input corpus on MySQL/MariaDB, where users, achievements and metrics take the bulk LOAD DATA path: the
 * outcomes must be the same as on H2.
 */
@RequiresMySql
@ActiveProfiles("mysql")
@SpringBootTest(properties = {"recon.chunk-size=3", "recon.bulk-chunk-size=3"})
class BadInputMySqlIntegrationTests extends BadInputScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.register(registry, "badinput");
    }
}
