package com.competencyrecon.alerts;

import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every alert type and cause over several nights on MySQL/MariaDB through Connector/J. */
@RequiresMySql
@ActiveProfiles("mysql")
@SpringBootTest(properties = {"recon.roots=/"})
class AlertMySqlIntegrationTests extends AlertScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.register(registry, "alerts");
    }
}
