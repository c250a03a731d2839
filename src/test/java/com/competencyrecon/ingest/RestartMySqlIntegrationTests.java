package com.competencyrecon.ingest;

import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A crash in the middle of each feed and its restart on MySQL/MariaDB through Connector/J. */
@RequiresMySql
@ActiveProfiles("mysql")
@SpringBootTest(properties = {"recon.roots=/", "recon.chunk-size=5", "recon.bulk-chunk-size=5"})
class RestartMySqlIntegrationTests extends RestartScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.register(registry, "restart");
    }
}
