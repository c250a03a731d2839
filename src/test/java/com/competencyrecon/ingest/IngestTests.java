package com.competencyrecon.ingest;

import org.springframework.boot.test.context.SpringBootTest;

/** Every reject code, keyed upserts and redelivery on the embedded database (H2 in MySQL mode). */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:ingest;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.chunk-size=3"})
class IngestTests extends IngestScenario {
}
