package com.competencyrecon.ingest;

import com.competencyrecon.night.RunLock;
import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.competencyrecon.support.FeedHeaders.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The ingest steps on H2: every reject code where DOMAIN.md puts it, keyed upserts and redelivery. */
@SpringBatchTest
abstract class IngestScenario {

    static final String D = "2026-11-24";

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    com.competencyrecon.night.RunLock runLock;

    @TempDir
    Path root;

    NightHarness nights;

    @BeforeEach
    void setUp() {
        Databases.reset(jdbc);
        nights = new NightHarness(runner, root);
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN")
                .feed(D, "users.csv", USERS, "u1,O1,a@contoso.example,ACTIVE,2026-01-01T00:00:00Z",
                        "u2,O2,b@fabrikam.example,ACTIVE,2026-01-01T00:00:00Z",
                        "u3,O2,c@fabrikam.example,DELETED,2026-01-01T00:00:00Z");
    }

    private List<String> rejects() {
        return nights.report(D, "rejects.csv");
    }

    private NightRunner.Outcome runNight() {
        NightRunner.Outcome outcome = nights.run(D);
        assertThat(outcome.refusal()).isNull();
        assertThat(outcome.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return outcome;
    }

    // --- reject codes ---

    @Test
    void malformedRow() {
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O3,Extra,DEVELOPED,US,surplus",
                "O2,Fabrikam,DEVELOPING,IN");
        runNight();
        assertThat(rejects()).containsExactly("feed,line,record_key,reason,detail",
                "organizations.csv,3,,MALFORMED_ROW,\"expected 4 fields, found 5\"");
    }

    @Test
    void missingField() {
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O3,,DEVELOPED,US");
        runNight();
        assertThat(rejects()).contains("organizations.csv,3,O3,MISSING_FIELD,required field name is empty");
    }

    @Test
    void badEnum() {
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O3,Tailspin,EMERGING,US");
        runNight();
        assertThat(rejects()).anyMatch(l -> l.startsWith("organizations.csv,3,O3,BAD_ENUM,")
                && l.contains("EMERGING"));
    }

    @Test
    void badDate() {
        nights.feed(D, "memberships.csv", MEMBERSHIPS, "ord-1,O1,SILVER,2026-13-01");
        runNight();
        assertThat(rejects()).anyMatch(l -> l.startsWith("memberships.csv,2,ord-1,BAD_DATE,"));
    }

    @Test
    void badTimestamp() {
        nights.feed(D, "users.csv", USERS, "u1,O1,,ACTIVE,yesterday");
        runNight();
        assertThat(rejects()).anyMatch(l -> l.startsWith("users.csv,2,u1,BAD_TIMESTAMP,"));
    }

    @Test
    void badNumber() {
        nights.feed(D, "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,12k,DPOR");
        runNight();
        assertThat(rejects()).anyMatch(l -> l.startsWith(
                "metrics.csv,2,O1|AZURE_CONSUMED_REVENUE_USD|2026-10|DPOR,BAD_NUMBER,"));
    }

    @Test
    void negativeMetric() {
        nights.feed(D, "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,-5,");
        runNight();
        assertThat(rejects()).anyMatch(l -> l.startsWith(
                "metrics.csv,2,O1|AZURE_CONSUMED_REVENUE_USD|2026-10|TRANSACTING,NEGATIVE_METRIC,"));
    }

    @Test
    void duplicateKeyInFileKeepsTheFirst() {
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN",
                "O1,Contoso Renamed,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN");
        runNight();
        assertThat(rejects()).hasSize(2).anyMatch(l -> l.startsWith("organizations.csv,4,O1,DUPLICATE_KEY_IN_FILE,"));
        assertThat(jdbc.queryForObject("SELECT name FROM organization WHERE org_id = 'O1'", String.class))
                .isEqualTo("Contoso");
    }

    @Test
    void unknownOrg() {
        nights.feed(D, "users.csv", USERS, "u1,O1,,ACTIVE,2026-01-01T00:00:00Z", "u9,O9,,ACTIVE,2026-01-01T00:00:00Z");
        runNight();
        assertThat(rejects()).contains("users.csv,3,u9,UNKNOWN_ORG,organisation O9 is not known");
    }

    @Test
    void unknownUser() {
        nights.feed(D, "msa-links.csv", LINKS, "e1,m1,u404,LINK,2026-02-01T00:00:00Z");
        runNight();
        assertThat(rejects()).contains("msa-links.csv,2,e1,UNKNOWN_USER,user u404 is not known");
    }

    @Test
    void unknownCompetency() {
        nights.feed(D, "overrides.csv", OVERRIDES, "ovr-1,O1,UNDERWATER_BASKETS,GOLD,2026-11-01,,,ops");
        runNight();
        assertThat(rejects()).anyMatch(l -> l.startsWith("overrides.csv,2,ovr-1,UNKNOWN_COMPETENCY,"));
    }

    @Test
    void userOrgChangedOnALaterNight() {
        runNight();
        nights.feed("2026-11-25", "users.csv", USERS, "u1,O2,a@contoso.example,ACTIVE,2026-11-20T00:00:00Z");
        NightRunner.Outcome second = nights.run("2026-11-25");
        assertThat(second.completed()).isTrue();
        assertThat(nights.report("2026-11-25", "rejects.csv"))
                .anyMatch(l -> l.startsWith("users.csv,2,u1,USER_ORG_CHANGED,"));
        assertThat(jdbc.queryForObject("SELECT org_id FROM user_account WHERE user_id = 'u1'", String.class))
                .isEqualTo("O1");
    }

    @Test
    void linkToDeletedUser() {
        nights.feed(D, "msa-links.csv", LINKS, "e1,m1,u3,LINK,2026-02-01T00:00:00Z");
        runNight();
        assertThat(rejects()).anyMatch(l -> l.startsWith("msa-links.csv,2,e1,LINK_TO_DELETED_USER,"));
    }

    @Test
    void linkLimit() {
        nights.feed(D, "msa-links.csv", LINKS,
                "e1,m1,u1,LINK,2026-01-01T00:00:00Z", "e2,m1,u2,LINK,2026-02-15T00:00:00Z",
                "e3,m1,u1,LINK,2026-04-01T00:00:00Z", "e4,m1,u2,LINK,2026-05-15T00:00:00Z");
        runNight();
        assertThat(rejects()).hasSize(2).anyMatch(l -> l.startsWith("msa-links.csv,5,e4,LINK_LIMIT,"));
        assertThat(jdbc.queryForObject("SELECT org_id FROM effective_link WHERE msa_id = 'm1'", String.class))
                .isEqualTo("O1");
    }

    @Test
    void linkCoolOff() {
        nights.feed(D, "msa-links.csv", LINKS,
                "e1,m1,u1,LINK,2026-01-01T00:00:00Z", "e2,m1,u2,LINK,2026-01-10T00:00:00Z");
        runNight();
        assertThat(rejects()).hasSize(2).anyMatch(l -> l.startsWith("msa-links.csv,3,e2,LINK_COOL_OFF,"));
    }

    @Test
    void futureDated() {
        nights.feed(D, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2026-11-25T00:00:01Z,,,",
                "a2,m1,70-533,2026-11-25T00:00:00Z,,,");
        runNight();
        assertThat(rejects()).anyMatch(l -> l.startsWith("achievements.csv,2,a1,FUTURE_DATED,"))
                .noneMatch(l -> l.startsWith("achievements.csv,3"));
    }

    @Test
    void anAchievementOfAnUnlinkedMsaIsStoredNotRejected() {
        nights.feed(D, "achievements.csv", ACHIEVEMENTS, "a1,m-nobody,70-533,2026-01-01T00:00:00Z,,,",
                "a2,m-nobody,XYZ-100,2026-01-01T00:00:00Z,,,");
        runNight();
        assertThat(rejects()).containsExactly("feed,line,record_key,reason,detail");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM achievement", Integer.class)).isEqualTo(2);
    }


    @Test
    void aKeyWithSurroundingSpacesIsTheSameKeyOnRedelivery() {
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN",
                " O3 ,Northwind,DEVELOPED,US");
        runNight();

        NightRunner.Outcome again = nights.run("2026-11-25", nights.inputDir(D));

        assertThat(again.completed()).isTrue();
        assertThat(jdbc.queryForList("SELECT org_id FROM organization ORDER BY org_id", String.class))
                .containsExactly("O1", "O2", "O3");
    }

    @Test
    void textIsKeptAsDeliveredWhileIdentifiersLoseSurroundingSpaces() {
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN",
                "\" O3 \",\"\tTab Ltd \",DEVELOPED,US");
        runNight();
        assertThat(jdbc.queryForObject("SELECT name FROM organization WHERE org_id = 'O3'", String.class))
                .isEqualTo("\tTab Ltd ");
    }

    @Test
    void keysDifferingOnlyInCaseAreTwoRecordsSortedByteForByte() {
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN",
                "o1,Lowercase Ltd,DEVELOPED,US", "B1,Bravo,DEVELOPED,US", "a1,Alpha,DEVELOPED,US")
                .feed(D, "metrics.csv", METRICS, "o1,O365_NEW_CUSTOMERS,2026-10,5,", "B1,O365_NEW_CUSTOMERS,2026-10,5,",
                        "a1,O365_NEW_CUSTOMERS,2026-10,5,");
        runNight();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organization", Integer.class)).isEqualTo(5);
        assertThat(nights.report(D, "competency-status.csv")).extracting(l -> l.split(",")[0])
                .containsExactly("org_id", "B1", "a1", "o1");
    }

    @Test
    void aFieldLongerThanTheStoreTakesIsRejected() {
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN",
                "O3," + "N".repeat(300) + ",DEVELOPED,US");
        runNight();
        assertThat(rejects()).contains(
                "organizations.csv,4,O3,FIELD_TOO_LONG,name has 300 characters; at most 255 are accepted");
    }

    @Test
    void aMetricOutOfRangeOrInExponentFormIsABadNumber() {
        nights.feed(D, "metrics.csv", METRICS, "O1,A,2026-10,100000000000000000,DPOR", "O1,B,2026-10,1e3,DPOR",
                "O1,C,2026-10,1.23456,DPOR", "O1,D,2026-10,1250.75,DPOR");
        runNight();
        assertThat(rejects()).filteredOn(l -> l.contains(",BAD_NUMBER,")).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT amount FROM metric_value WHERE metric = 'D'", java.math.BigDecimal.class))
                .isEqualByComparingTo("1250.75");
    }

    @Test
    void anOrderThatChangesNothingIsRejected() {
        nights.feed(D, "memberships.csv", MEMBERSHIPS, "ord-1,O1,GOLD,2026-03-01", "ord-2,O1,SILVER,2026-06-01",
                "ord-3,O2,SILVER,2026-03-01", "ord-4,O2,GOLD,2026-06-01");
        runNight();
        assertThat(rejects()).hasSize(2).last().satisfies(l -> assertThat(l)
                .startsWith("memberships.csv,3,ord-2,ORDER_NOT_APPLIED,")
                .contains("runs to its anniversary 2027-03-01"));
        assertThat(jdbc.queryForList("SELECT order_id FROM membership_order ORDER BY order_id", String.class))
                .containsExactly("ord-1", "ord-3", "ord-4");
    }

    @Test
    void aDeliveredEmptyFeedCountsZeroNotAbsent() {
        nights.feed(D, "overrides.csv", OVERRIDES);
        runNight();
        assertThat(jdbc.queryForMap("SELECT read_count, applied_count, rejected_count FROM feed_count"
                + " WHERE feed = 'overrides.csv'")).containsValues(0L, 0L, 0L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM feed_count WHERE feed = 'metrics.csv'", Integer.class))
                .isZero();
    }

    @Test
    void nightsRunInDateOrder() {
        runNight();
        nights.inputDir("2026-11-23");

        NightRunner.Outcome earlier = nights.run("2026-11-23");

        assertThat(earlier.refusal().message()).contains("the later night 2026-11-24 has already run");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isEqualTo(1);
    }

    @Test
    void aNightWaitsForAnUnfinishedEarlierOne() {
        nights.feed(D, "users.csv", "user_id,org_id", "u1,O1");
        assertThat(nights.run(D).execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        nights.inputDir("2026-11-25");

        NightRunner.Outcome later = nights.run("2026-11-25");

        assertThat(later.refusal().message()).contains("the earlier night 2026-11-24 has not completed");
    }

    @Test
    void oneNightRunsAtATime() throws Exception {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> {
            try (AutoCloseable lock = runLock.tryAcquire().orElseThrow()) {
                held.countDown();
                done.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        held.await();
        try {
            NightRunner.Outcome second = nights.run(D);
            assertThat(second.refusal().message()).contains("another night is running");
        } finally {
            done.countDown();
            other.join();
        }
        runNight();
    }

    @Test
    void rejectsAndRecordsAreCountedAsMetrics() {
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN",
                "O3,,DEVELOPED,US");
        double before = meters.counter("recon.rejects", "feed", "organizations.csv", "reason", "MISSING_FIELD").count();
        double appliedBefore = meters.counter("recon.feed.records", "feed", "organizations.csv", "outcome", "applied")
                .count();

        runNight();

        assertThat(meters.counter("recon.rejects", "feed", "organizations.csv", "reason", "MISSING_FIELD").count())
                .isEqualTo(before + 1);
        assertThat(meters.counter("recon.feed.records", "feed", "organizations.csv", "outcome", "applied").count())
                .isEqualTo(appliedBefore + 2);
    }

    // --- upserts ---

    @Test
    void deliveringTheSameFilesAgainChangesNothing() {
        nights.feed(D, "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,1500.50,DPOR",
                "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,99,")
                .feed(D, "msa-links.csv", LINKS, "e1,m1,u1,LINK,2026-02-01T00:00:00Z")
                .feed(D, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2026-03-01T00:00:00Z,,,exam");
        runNight();
        List<Map<String, Object>> before = state();

        NightRunner.Outcome again = nights.run("2026-11-25", nights.inputDir(D));

        assertThat(again.completed()).isTrue();
        assertThat(state()).isEqualTo(before);
        assertThat(nights.report("2026-11-25", "rejects.csv")).hasSize(1);
    }

    @Test
    void aCorrectedRecordReplacesTheStoredOne() {
        nights.feed(D, "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,1500,DPOR");
        runNight();
        nights.feed("2026-11-25", "metrics.csv", METRICS, "O1,AZURE_CONSUMED_REVENUE_USD,2026-10,1750,DPOR");

        assertThat(nights.run("2026-11-25").completed()).isTrue();

        assertThat(jdbc.queryForList("SELECT amount FROM metric_value", java.math.BigDecimal.class))
                .singleElement().satisfies(v -> assertThat(v).isEqualByComparingTo("1750"));
    }

    @Test
    void countsPerFeedAreRecorded() {
        nights.feed(D, "organizations.csv", ORGS, "O1,Contoso,DEVELOPED,US", "O2,Fabrikam,DEVELOPING,IN",
                "O3,,DEVELOPED,US");
        NightRunner.Outcome outcome = runNight();

        assertThat(jdbc.queryForMap("SELECT read_count, applied_count, rejected_count FROM feed_count"
                + " WHERE feed = 'organizations.csv'")).containsValues(3L, 2L, 1L);
        StepExecution step = outcome.execution().getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("ingestOrganizations")).findFirst().orElseThrow();
        assertThat(step.getReadCount()).isEqualTo(3);
    }

    // --- the stored rows, on either path (batched on H2, bulk on MySQL/MariaDB) ---

    @Test
    void textIsStoredExactlyWhateverCharactersItHolds() {
        nights.feed(D, "users.csv", USERS, "u1,O1,\"tab\there\\back \"\"quoted\"\" \\N\",ACTIVE,2026-01-01T00:00:00.123Z",
                        "u2,O2,,ACTIVE,2026-01-01T00:00:00Z", "u3,O2,\\N,DELETED,2026-01-01T00:00:00Z")
                .feed(D, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2026-03-01T10:15:30.123+01:00,2027-03-01,,ünï 😀 ∑",
                        "a2,m1,70-533,2026-03-01T10:15:30Z,,REVOKED,\\", "A1,m1,70-533,2026-03-01T10:15:30Z,,,",
                        "a3,m1,70-533,2026-03-01T10:15:30Z,,,\"two\nlines\r\nand\\N\"");
        runNight();

        assertThat(jdbc.queryForList("SELECT email FROM user_account ORDER BY user_id", String.class))
                .containsExactly("tab\there\\back \"quoted\" \\N", null, "\\N");
        assertThat(jdbc.queryForList("SELECT source FROM achievement ORDER BY record_id", String.class))
                .containsExactly(null, "ünï 😀 ∑", "\\", "two\nlines\nand\\N"); // a line break is read as LF
        assertThat(jdbc.queryForObject("SELECT earned_at FROM achievement WHERE record_id = 'a1'",
                java.time.LocalDateTime.class)).isEqualTo("2026-03-01T09:15:30.123");
        assertThat(jdbc.queryForObject("SELECT changed_at FROM user_account WHERE user_id = 'u1'",
                java.time.LocalDateTime.class)).isEqualTo("2026-01-01T00:00:00.123");
        assertThat(rows("SELECT record_id, expires_on FROM achievement ORDER BY record_id"))
                .containsExactly("A1/null", "a1/2027-03-01", "a2/null", "a3/null");
    }

    @Test
    void aKeyRepeatedInTheFileIsJudgedAgainstTheFirstWhetherInTheSameChunkOrAnEarlierOne() {
        // Three records a chunk: lines 2-4, 5-7, 8-10.
        nights.feed(D, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2026-03-01T00:00:00Z,,,first",
                "a2,m1,70-533,2026-03-01T00:00:00Z,,,", "a3,m1,70-533,2026-03-01T00:00:00Z,,,",
                "a1,m1,70-533,2026-03-01T00:00:00Z,,,second", "a2,m1,70-533,2026-03-01T00:00:00Z,,ACTIVE,",
                "a4,m1,70-533,2026-03-01T00:00:00Z,,,", "a5,m1,70-533,2026-03-01T00:00:00Z,,,",
                "a5,m2,70-533,2026-03-01T00:00:00Z,,,", "a5,m1,70-533,2026-03-01T00:00:00Z,,,")
                .feed(D, "metrics.csv", METRICS, "O1,M,2026-10,5,", "O1,M,2026-10,5.000,TRANSACTING",
                        "O9,M,2026-10,5,", "O1,M,2026-10,6,");
        runNight();

        assertThat(rejects()).containsExactly("feed,line,record_key,reason,detail",
                "achievements.csv,5,a1,DUPLICATE_KEY_IN_FILE,key a1 already delivered at line 2 of this file with"
                        + " different content; the first one is kept",
                "achievements.csv,9,a5,DUPLICATE_KEY_IN_FILE,key a5 already delivered at line 8 of this file with"
                        + " different content; the first one is kept",
                "metrics.csv,4,O9|M|2026-10|TRANSACTING,UNKNOWN_ORG,organisation O9 is not known",
                "metrics.csv,5,O1|M|2026-10|TRANSACTING,DUPLICATE_KEY_IN_FILE,key O1|M|2026-10|TRANSACTING already"
                        + " delivered at line 2 of this file with different content; the first one is kept");
        assertThat(jdbc.queryForList("SELECT record_id, msa_id, source, loaded_line FROM achievement"
                + " ORDER BY record_id")).extracting(r -> r.get("RECORD_ID") + "/" + r.get("MSA_ID") + "/"
                + r.get("SOURCE") + "/" + r.get("LOADED_LINE"))
                .containsExactly("a1/m1/first/2", "a2/m1/null/3", "a3/m1/null/4", "a4/m1/null/7", "a5/m1/null/8");
        assertThat(jdbc.queryForMap("SELECT read_count, applied_count, rejected_count FROM feed_count"
                + " WHERE feed = 'achievements.csv'")).containsValues(9L, 7L, 2L);
    }

    @Test
    void aRecordChangesOnTheNightItIsNewOrCorrectedAndNotWhenDeliveredAgainUnchanged() {
        nights.feed(D, "achievements.csv", ACHIEVEMENTS, "a1,m1,70-533,2026-03-01T00:00:00Z,,,",
                        "a2,m1,70-533,2026-03-01T00:00:00Z,,,", "a3,m1,70-533,2026-03-01T00:00:00Z,,,",
                        "a4,m1,70-533,2026-03-01T00:00:00Z,,,")
                .feed(D, "metrics.csv", METRICS, "O1,M,2026-10,5,", "O2,M,2026-10,7,")
                .feed(D, "users.csv", USERS, "u1,O1,a@contoso.example,ACTIVE,2026-01-01T00:00:00Z",
                        "u2,O2,b@fabrikam.example,ACTIVE,2026-01-01T00:00:00Z");
        runNight();
        String next = "2026-11-25";
        nights.feed(next, "achievements.csv", ACHIEVEMENTS, "a4,m1,70-533,2026-03-01T00:00:00Z,,,",
                        "a1,m1,70-533,2026-03-01T00:00:00Z,,REVOKED,", "a2,m1,70-533,2026-03-01T00:00:00Z,,ACTIVE,",
                        "a5,m1,70-533,2026-03-01T00:00:00Z,,,")
                .feed(next, "metrics.csv", METRICS, "O1,M,2026-10,5.0000,", "O2,M,2026-10,7.5,")
                .feed(next, "users.csv", USERS, "u1,O1,a@contoso.example,ACTIVE,2026-01-01T00:00:00Z",
                        "u2,O2,,ACTIVE,2026-01-01T00:00:00Z");

        assertThat(nights.run(next).completed()).isTrue();

        assertThat(rows("SELECT record_id, status, loaded_on, loaded_line, changed_on FROM achievement"
                + " ORDER BY record_id")).containsExactly("a1/REVOKED/2026-11-25/3/2026-11-25",
                "a2/ACTIVE/2026-11-25/4/2026-11-24", "a3/ACTIVE/2026-11-24/4/2026-11-24",
                "a4/ACTIVE/2026-11-25/2/2026-11-24", "a5/ACTIVE/2026-11-25/5/2026-11-25");
        assertThat(rows("SELECT org_id, amount, loaded_on, changed_on FROM metric_value ORDER BY org_id"))
                .containsExactly("O1/5.0000/2026-11-25/2026-11-24", "O2/7.5000/2026-11-25/2026-11-25");
        assertThat(rows("SELECT user_id, email, loaded_on, changed_on FROM user_account ORDER BY user_id"))
                .containsExactly("u1/a@contoso.example/2026-11-25/2026-11-24", "u2/null/2026-11-25/2026-11-25");
    }

    /** Each row's values, as text joined by '/'. */
    private List<String> rows(String sql) {
        return jdbc.queryForList(sql).stream().map(row -> row.values().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("/"))).toList();
    }

    private List<Map<String, Object>> state() {
        return jdbc.queryForList("""
                SELECT 'm' AS t, org_id AS k, metric AS a, month AS b, association AS c, CAST(amount AS CHAR) AS d
                  FROM metric_value
                UNION ALL SELECT 'l', event_id, msa_id, user_id, action, CAST(occurred_at AS CHAR) FROM msa_link_event
                UNION ALL SELECT 'a', record_id, msa_id, credential, status, CAST(earned_at AS CHAR) FROM achievement
                UNION ALL SELECT 'o', org_id, name, market, country, '' FROM organization
                ORDER BY 1, 2, 3, 4, 5""");
    }

}
