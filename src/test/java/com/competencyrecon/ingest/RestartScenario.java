package com.competencyrecon.ingest;

import com.competencyrecon.night.NightRunner;
import com.competencyrecon.support.Databases;
import com.competencyrecon.support.NightHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import com.competencyrecon.ingest.internal.JdbcFeedStore;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static com.competencyrecon.support.FeedHeaders.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A night that fails in the middle of a feed restarts at the chunk after the last committed one and ends with
 * the same stored state as a night that never failed.
 */
@Import(RestartScenario.FailOnce.class)
abstract class RestartScenario {

    static final String D = "2026-11-24";

    @Autowired
    NightRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FailingStore store;

    @TempDir
    Path root;

    NightHarness nights;

    @TestConfiguration
    static class FailOnce {
        @Bean
        @Primary
        FailingStore failingStore(JdbcFeedStore store) {
            return new FailingStore(store);
        }
    }

    /**
     * A store that fails one chunk of one feed, once, as a crash in the middle of the feed would: before the
     * chunk's rows are saved (the n-th save), or after they are all written (the n-th touch, the chunk's last
     * write: on MySQL/MariaDB its staging slice loaded and merged) but before the chunk commits.
     */
    static class FailingStore implements FeedStore {
        private final FeedStore delegate;
        final AtomicReference<Feed> feed = new AtomicReference<>();
        final AtomicInteger failOnSave = new AtomicInteger(-1);
        final AtomicInteger failAfterTouch = new AtomicInteger(-1);
        private final AtomicInteger saves = new AtomicInteger();
        private final AtomicInteger touches = new AtomicInteger();

        FailingStore(FeedStore delegate) {
            this.delegate = delegate;
        }

        void failOnce(Feed target, int nthSave) {
            feed.set(target);
            saves.set(0);
            failOnSave.set(nthSave);
            failAfterTouch.set(-1);
        }

        void failOnceAfterWriting(Feed target, int nthTouch) {
            failOnce(target, -1);
            touches.set(0);
            failAfterTouch.set(nthTouch);
        }

        @Override
        public <R> boolean isEmpty(FeedSpec<R> spec) {
            return delegate.isEmpty(spec);
        }

        @Override
        public <R> Map<String, Stored<R>> find(FeedSpec<R> spec, Collection<R> rows) {
            return delegate.find(spec, rows);
        }

        @Override
        public <R> void save(FeedSpec<R> spec, LocalDate businessDate, List<FeedItem<R>> inserts,
                             List<FeedItem<R>> updates) {
            if (spec.feed() == feed.get() && saves.incrementAndGet() == failOnSave.get()) {
                failOnSave.set(-1);
                throw new IllegalStateException("simulated crash while saving " + spec.feed().fileName());
            }
            delegate.save(spec, businessDate, inserts, updates);
        }

        @Override
        public <R> void touch(FeedSpec<R> spec, LocalDate businessDate, List<FeedItem<R>> unchanged) {
            delegate.touch(spec, businessDate, unchanged);
            if (spec.feed() == feed.get() && touches.incrementAndGet() == failAfterTouch.get()) {
                failAfterTouch.set(-1);
                throw new IllegalStateException("simulated crash after writing a chunk of " + spec.feed().fileName());
            }
        }
    }

    @BeforeEach
    void setUp() {
        Databases.reset(jdbc);
        store.failOnce(null, -1);
        nights = new NightHarness(runner, root);
        List<String> orgs = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> achievements = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<String> memberships = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            String org = String.format("O%02d", i);
            orgs.add(org + ",Org " + i + "," + (i % 2 == 0 ? "DEVELOPED" : "DEVELOPING") + ",US");
            users.add("u" + i + "," + org + ",,ACTIVE,2026-01-01T00:00:00Z");
            links.add("e" + i + ",m" + i + ",u" + i + ",LINK,2026-02-01T00:00:00Z");
            achievements.add("a" + i + ",m" + i + ",70-533,2026-03-01T00:00:00Z,,,");
            if (i % 7 == 0) {
                achievements.add("a" + i + "b,m" + i + ",70-532,2026-03-01T00:00:00Z,,REVOKED,");
            }
            metrics.add(org + ",AZURE_CONSUMED_REVENUE_USD,2026-10," + (1000 * i) + ",DPOR");
            memberships.add("ord-" + i + "," + org + ",SILVER,2026-0" + (1 + i % 9) + "-01");
            overrides.add("ovr-" + i + "," + org + ",DEVOPS,SILVER,2026-10-01,,,ops");
        }
        orgs.add("O99,,DEVELOPED,US");
        nights.feed(D, "organizations.csv", ORGS, orgs.toArray(String[]::new))
                .feed(D, "users.csv", USERS, users.toArray(String[]::new))
                .feed(D, "msa-links.csv", LINKS, links.toArray(String[]::new))
                .feed(D, "achievements.csv", ACHIEVEMENTS,
                        achievements.toArray(String[]::new))
                .feed(D, "metrics.csv", METRICS, metrics.toArray(String[]::new))
                .feed(D, "memberships.csv", MEMBERSHIPS, memberships.toArray(String[]::new))
                .feed(D, "overrides.csv", OVERRIDES,
                        overrides.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(Feed.class)
    void aNightKilledInTheMiddleOfAFeedRestartsToTheSameResult(Feed feed) {
        NightRunner.Outcome clean = nights.run(D);
        assertThat(clean.completed()).isTrue();
        List<Map<String, Object>> expected = snapshot();
        byte[] expectedStatus = nights.reportBytes(D, "competency-status.csv");

        Databases.reset(jdbc);
        store.failOnce(feed, 3);
        NightRunner.Outcome failed = nights.run(D);

        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        StepExecution failedStep = step(failed, feed.stepName());
        assertThat(failedStep.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failedStep.getCommitCount()).isEqualTo(2);
        assertThat(count(feed)).as("rows of the two committed chunks").isEqualTo(10);

        NightRunner.Outcome restarted = nights.run(D);

        assertThat(restarted.completed()).isTrue();
        List<String> rerun = restarted.execution().getStepExecutions().stream().map(StepExecution::getStepName).toList();
        assertThat(rerun).as("steps run by the restart").startsWith(feed.stepName());
        assertThat(step(restarted, feed.stepName()).getReadCount()).isEqualTo(lines(feed) - 10);
        assertThat(snapshot()).isEqualTo(expected);
        assertThat(nights.reportBytes(D, "competency-status.csv")).isEqualTo(expectedStatus);
    }

    /**
     * The restart unit is the chunk: on MySQL/MariaDB one staging slice of a bulk-loaded feed. A redelivery
     * night (new, corrected and unchanged records) killed after a chunk's rows were loaded, staged and merged
     * but before it committed leaves none of them, and its restart ends with the rows, nights and lines
     * ({@code loaded_on}, {@code loaded_line}, {@code changed_on}) of a night that never failed.
     */
    @ParameterizedTest
    @EnumSource(value = Feed.class, names = {"USERS", "ACHIEVEMENTS", "METRICS"})
    void aRedeliveryKilledAfterAChunkWasWrittenRestartsToTheSameRows(Feed feed) throws Exception {
        String next = "2026-11-25";
        redelivery(next, feed);
        assertThat(nights.run(D).completed()).isTrue();
        assertThat(nights.run(next).completed()).isTrue();
        List<Map<String, Object>> expected = stored();
        byte[] expectedStatus = nights.reportBytes(next, "competency-status.csv");

        Databases.reset(jdbc);
        assertThat(nights.run(D).completed()).isTrue();
        store.failOnceAfterWriting(feed, 3);
        NightRunner.Outcome failed = nights.run(next);

        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(step(failed, feed.stepName()).getCommitCount()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + Table.of(feed).name + " WHERE loaded_on = ?",
                Long.class, java.time.LocalDate.parse(next))).as("rows delivered again by the two committed chunks")
                .isEqualTo(10);

        NightRunner.Outcome restarted = nights.run(next);

        assertThat(restarted.completed()).isTrue();
        assertThat(stored()).isEqualTo(expected);
        assertThat(nights.reportBytes(next, "competency-status.csv")).isEqualTo(expectedStatus);
    }

    /** The next night's feeds: tonight's again, with every third record of the feed corrected and three new. */
    private void redelivery(String next, Feed feed) throws java.io.IOException {
        for (Feed each : Feed.values()) {
            java.nio.file.Files.copy(nights.inputDir(D).resolve(each.fileName()),
                    nights.inputDir(next).resolve(each.fileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= 26; i++) {
            String org = String.format("O%02d", Math.min(i, 23));
            boolean corrected = i % 3 == 0;
            rows.add(switch (feed) {
                case USERS -> "u" + i + "," + org + "," + (corrected ? "u" + i + "@new.example" : "")
                        + ",ACTIVE,2026-01-01T00:00:00Z";
                case ACHIEVEMENTS -> "a" + i + ",m" + i + ",70-533,2026-03-01T00:00:00Z,," + (corrected ? "REVOKED" : "")
                        + ",";
                case METRICS -> org + ",AZURE_CONSUMED_REVENUE_USD," + (i > 23 ? "2026-09," : "2026-10,")
                        + (1000 * i + (corrected ? 1 : 0)) + ",DPOR";
                default -> throw new IllegalArgumentException(feed.name());
            });
        }
        String header = switch (feed) {
            case USERS -> USERS;
            case ACHIEVEMENTS -> ACHIEVEMENTS;
            default -> METRICS;
        };
        nights.feed(next, feed.fileName(), header, rows.toArray(String[]::new));
    }

    /** Every stored row of the feed tables, with the night and line that last delivered and changed it. */
    private List<Map<String, Object>> stored() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            Table table = Table.of(feed);
            all.addAll(jdbc.queryForList("SELECT * FROM " + table.name + " ORDER BY " + table.key));
        }
        all.addAll(jdbc.queryForList("SELECT * FROM feed_count ORDER BY business_date, feed"));
        all.addAll(jdbc.queryForList("SELECT * FROM feed_reject ORDER BY business_date, feed, line"));
        return all;
    }

    @Test
    void aRunLeftStartedByACrashIsRecoveredAndRestarted() {
        NightRunner.Outcome clean = nights.run(D);
        assertThat(clean.completed()).isTrue();
        List<Map<String, Object>> expected = snapshot();
        Databases.reset(jdbc);
        store.failOnce(Feed.ACHIEVEMENTS, 2);
        nights.run(D);
        // What a killed process leaves behind: the run and its step still marked as running.
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL");
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL"
                + " WHERE STATUS = 'FAILED'");

        NightRunner.Outcome recovered = nights.run(D);

        assertThat(recovered.refusal()).isNull();
        assertThat(recovered.completed()).isTrue();
        assertThat(step(recovered, Feed.ACHIEVEMENTS.stepName()).getReadCount()).isEqualTo(26 - 5);
        assertThat(jdbc.queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID", String.class))
                .containsExactly("FAILED", "COMPLETED");
        assertThat(snapshot()).isEqualTo(expected);
    }

    @Test
    void aStoppedNightRestartsFromWhereItStopped() {
        store.failOnce(Feed.METRICS, 2);
        nights.run(D);
        jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STOPPED', EXIT_CODE = 'STOPPED'");
        jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STOPPED', EXIT_CODE = 'STOPPED' WHERE STATUS = 'FAILED'");

        NightRunner.Outcome restarted = nights.run(D);

        assertThat(restarted.completed()).isTrue();
        assertThat(restarted.execution().getStepExecutions()).extracting(StepExecution::getStepName)
                .startsWith(Feed.METRICS.stepName());
        assertThat(count(Feed.METRICS)).isEqualTo(23);
    }

    @Test
    void aFailedNightPublishesNoReportFolder() {
        store.failOnce(Feed.METRICS, 1);

        NightRunner.Outcome failed = nights.run(D);

        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(nights.reportDir().resolve(D)).doesNotExist();
    }

    private int lines(Feed feed) {
        return switch (feed) {
            case ORGANIZATIONS -> 24;
            case ACHIEVEMENTS -> 26;
            default -> 23;
        };
    }

    private long count(Feed feed) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + Table.of(feed).name, Long.class);
    }

    private static StepExecution step(NightRunner.Outcome outcome, String name) {
        return outcome.execution().getStepExecutions().stream().filter(s -> s.getStepName().equals(name))
                .findFirst().orElseThrow();
    }

    private List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Feed feed : Feed.values()) {
            Table table = Table.of(feed);
            all.addAll(jdbc.queryForList("SELECT " + table.columns + " FROM " + table.name + " ORDER BY "
                    + table.key));
        }
        all.addAll(jdbc.queryForList("SELECT * FROM feed_count ORDER BY feed"));
        all.addAll(jdbc.queryForList("SELECT * FROM feed_reject ORDER BY feed, line"));
        all.addAll(jdbc.queryForList("SELECT * FROM competency_result ORDER BY org_id, competency"));
        return all;
    }

    /** Each feed's table, the columns its rows set, and its key (the state compared before and after a restart). */
    private record Table(String name, String key, String columns) {
        static Table of(Feed feed) {
            return switch (feed) {
                case ORGANIZATIONS -> new Table("organization", "org_id", "org_id, name, market, country");
                case USERS -> new Table("user_account", "user_id", "user_id, org_id, email, status, changed_at");
                case MSA_LINKS -> new Table("msa_link_event", "event_id",
                        "event_id, msa_id, user_id, action, occurred_at");
                case ACHIEVEMENTS -> new Table("achievement", "record_id",
                        "record_id, msa_id, credential, earned_at, expires_on, status, source");
                case METRICS -> new Table("metric_value", "org_id, metric, month, association",
                        "org_id, metric, month, association, amount");
                case MEMBERSHIPS -> new Table("membership_order", "order_id", "order_id, org_id, level, purchased_on");
                case OVERRIDES -> new Table("override_grant", "override_id",
                        "override_id, org_id, competency, level, valid_from, valid_until, reason, granted_by");
            };
        }
    }
}
