package com.competencyrecon.plan;

import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Incremental and full nights give the same reports on MySQL/MariaDB through Connector/J. */
@RequiresMySql
@ActiveProfiles("mysql")
@SpringBootTest(properties = {"recon.roots=/", "recon.chunk-size=5", "recon.organisation-pages=true"})
class DeltaNightMySqlIntegrationTests extends DeltaNightScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.register(registry, "delta");
    }
}
