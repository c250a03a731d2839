package com.competencyrecon.ingest;

import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every reject code, keyed upserts and redelivery on MySQL/MariaDB through Connector/J. */
@RequiresMySql
@ActiveProfiles("mysql")
@SpringBootTest(properties = {"recon.roots=/", "recon.chunk-size=3", "recon.bulk-chunk-size=3"})
class IngestMySqlIntegrationTests extends IngestScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.register(registry, "ingest");
    }
}
