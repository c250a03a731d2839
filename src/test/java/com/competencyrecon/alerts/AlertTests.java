package com.competencyrecon.alerts;

import org.springframework.boot.test.context.SpringBootTest;

/** Every alert type and cause over several nights on the embedded database (H2 in MySQL mode). */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:alerts;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/"})
class AlertTests extends AlertScenario {
}
