package com.competencyrecon.scenario;

import org.springframework.boot.test.context.SpringBootTest;

/** The sample programme on the embedded database (H2 in MySQL mode). */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:sample;MODE=MySQL;NON_KEYWORDS=VALUE,MONTH,LEVEL,TYPE,LINE,KEY;DB_CLOSE_DELAY=-1",
        "recon.roots=/", "recon.organisation-pages=true"})
class SampleProgrammeTests extends SampleProgrammeScenario {
}
