package com.competencyrecon.plan;

import org.springframework.boot.test.context.SpringBootTest;

/** Incremental and full nights give the same reports on the embedded database (H2 in MySQL mode). */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:delta;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.chunk-size=5", "recon.organisation-pages=true"})
class DeltaNightTests extends DeltaNightScenario {
}
