package com.competencyrecon.scenario;

import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample programme on MySQL/MariaDB through Connector/J: the same outcomes and byte-identical reports as
 * on the embedded database.
 */
@RequiresMySql
@ActiveProfiles("mysql")
@SpringBootTest(properties = {"recon.roots=/", "recon.organisation-pages=true"})
class SampleProgrammeMySqlIntegrationTests extends SampleProgrammeScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.register(registry, "sample");
    }
}
