package com.competencyrecon.ingest.badinput;

import org.springframework.boot.test.context.SpringBootTest;

/** The bad-input corpus on the embedded database (H2 in MySQL mode), every feed on the batched path. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:badinput;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.chunk-size=3"})
class BadInputTests extends BadInputScenario {
}
