package com.competencyrecon.ingest;

import org.springframework.boot.test.context.SpringBootTest;

/** A crash in the middle of each feed and its restart on the embedded database (H2 in MySQL mode). */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:restart;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.chunk-size=5"})
class RestartTests extends RestartScenario {
}
