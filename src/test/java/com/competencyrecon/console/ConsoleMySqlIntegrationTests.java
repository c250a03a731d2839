package com.competencyrecon.console;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.reports.PublishedFolder;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's own queries (paged nights, filtered alerts, organisation search) on MySQL/MariaDB. */
@RequiresMySql
@ActiveProfiles("mysql")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(properties = {"recon.roots=/", "recon.report-dir=target/console-mysql/reports"})
class ConsoleMySqlIntegrationTests {

    static final Path REPORTS = Path.of("target/console-mysql/reports");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.register(registry, "console");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void runTwoSampleNights() throws Exception {
        Databases.reset(jdbc);
        PublishedFolder.deleteTree(REPORTS);
        for (String night : new String[]{"2026-11-23", "2026-11-24"}) {
            assertThat(runner.run(night, "sample-data/nights/" + night, REPORTS.toString(), null).completed())
                    .as("night %s completes", night).isTrue();
        }
    }

    @Test
    void pagesAndFiltersTheNights() throws Exception {
        mvc.perform(get("/console/nights").with(user("adam").roles("ANALYST"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">2026-11-24</a>"), containsString(">2026-11-23</a>"))));
        mvc.perform(get("/console/nights").param("from", "2026-11-24").param("status", "COMPLETED")
                        .with(user("adam").roles("ANALYST")))
                .andExpect(content().string(allOf(containsString(">2026-11-24</a>"), not(containsString(">2026-11-23</a>")))));
        mvc.perform(get("/console/nights").param("status", "FAILED").with(user("adam").roles("ANALYST")))
                .andExpect(content().string(containsString("No night matches.")));
    }

    @Test
    void showsAnEarlierNightsAlertsAsTheyStoodThatNight() throws Exception {
        mvc.perform(get("/console/nights/2026-11-23").param("state", "NEW").with(user("adam").roles("ANALYST")))
                .andExpect(content().string(containsString("11 alerts shown by the night")));
        mvc.perform(get("/console/nights/2026-11-23").param("state", "RESOLVED").with(user("adam").roles("ANALYST")))
                .andExpect(content().string(containsString("0 alerts shown by the night")));
    }

    @Test
    void filtersANightsAlerts() throws Exception {
        mvc.perform(get("/console/nights/2026-11-23").param("type", "QUALIFIED_NOT_MEMBER").param("state", "NEW")
                        .with(user("adam").roles("ANALYST")))
                .andExpect(content().string(allOf(containsString("5 alerts shown by the night"),
                        containsString("LINK_COOL_OFF"))));
    }

    @Test
    void findsOrganisationsAndShowsTheirNights() throws Exception {
        mvc.perform(get("/console/orgs").param("q", "ORG-00").with(user("adam").roles("ANALYST")))
                .andExpect(content().string(allOf(containsString("/console/orgs/ORG-001"),
                        containsString("/console/orgs/ORG-009"), not(containsString("/console/orgs/ORG-010")))));
        mvc.perform(get("/console/orgs").param("q", "100%_").with(user("adam").roles("ANALYST")))
                .andExpect(content().string(containsString("No organisation has the id or a name like")));
        mvc.perform(get("/console/orgs/ORG-001").with(user("adam").roles("ANALYST"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Competencies on <span>2026-11-24</span>"),
                        containsString(">2026-11-23</text>"))));
    }
}
