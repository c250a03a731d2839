package com.competencyrecon.ownership;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the table of effective links as of the night's counting instant by replaying, MSA by MSA, every
 * accepted link event with the accounts it names, a page of MSAs at a time.
 */
public class EffectiveLinkTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(EffectiveLinkTasklet.class);
    private static final int BATCH = 1000;
    private static final int PAGE = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Instant countableAt;

    public EffectiveLinkTasklet(NamedParameterJdbcTemplate jdbc, Instant countableAt) {
        this.jdbc = jdbc;
        this.countableAt = countableAt;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        jdbc.getJdbcTemplate().update("DELETE FROM effective_link");
        Replayer replayer = new Replayer();
        LocalDateTime at = LocalDateTime.ofInstant(countableAt, ZoneOffset.UTC);
        String after = "";
        while (true) {
            // A page of MSAs at a time (keyset order), so memory holds one page of histories whatever the size.
            List<String> msas = jdbc.queryForList("""
                    SELECT DISTINCT msa_id FROM msa_link_event WHERE msa_id > :after AND occurred_at <= :at
                     ORDER BY msa_id LIMIT :page""",
                    new MapSqlParameterSource("after", after).addValue("at", at).addValue("page", PAGE), String.class);
            if (msas.isEmpty()) {
                break;
            }
            jdbc.query("""
                    SELECT e.event_id, e.msa_id, e.user_id, e.action, e.occurred_at, u.org_id, u.status, u.changed_at
                      FROM msa_link_event e JOIN user_account u ON u.user_id = e.user_id
                     WHERE e.msa_id IN (:msas) AND e.occurred_at <= :at
                     ORDER BY e.msa_id, e.occurred_at, e.event_id""",
                    new MapSqlParameterSource("msas", msas).addValue("at", at), rs -> {
                        LinkEvent event = new LinkEvent(rs.getString("event_id"), rs.getString("msa_id"),
                                rs.getString("user_id"), LinkAction.valueOf(rs.getString("action")),
                                instant(rs.getObject("occurred_at", LocalDateTime.class)));
                        UserAccount user = new UserAccount(rs.getString("user_id"), rs.getString("org_id"),
                                UserStatus.valueOf(rs.getString("status")),
                                instant(rs.getObject("changed_at", LocalDateTime.class)));
                        replayer.accept(event, user);
                        contribution.incrementReadCount();
                    });
            replayer.finishPage();
            after = msas.get(msas.size() - 1);
        }
        replayer.finish();
        contribution.incrementWriteCount(replayer.written);
        log.info("Effective links at {}: {} MSAs linked", countableAt, replayer.written);
        return RepeatStatus.FINISHED;
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    private final class Replayer {
        private String msa;
        private final List<LinkEvent> events = new ArrayList<>();
        private final Map<String, UserAccount> users = new HashMap<>();
        private final List<MapSqlParameterSource> pending = new ArrayList<>();
        private long written;

        void accept(LinkEvent event, UserAccount user) {
            if (msa != null && !msa.equals(event.msaId())) {
                flushMsa();
            }
            msa = event.msaId();
            events.add(event);
            users.put(user.userId(), user);
        }

        void finishPage() {
            if (msa != null) {
                flushMsa();
            }
            msa = null;
        }

        void finish() {
            finishPage();
            flushBatch();
        }

        private void flushMsa() {
            LinkReplay.effectiveAt(events, users, countableAt).ifPresent(link -> {
                pending.add(new MapSqlParameterSource().addValue("msa", link.msaId()).addValue("user", link.userId())
                        .addValue("org", link.orgId())
                        .addValue("since", LocalDateTime.ofInstant(link.since(), ZoneOffset.UTC)));
                written++;
            });
            events.clear();
            users.clear();
            if (pending.size() >= BATCH) {
                flushBatch();
            }
        }

        private void flushBatch() {
            if (!pending.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO effective_link (msa_id, user_id, org_id, since) VALUES (:msa, :user, :org, :since)",
                        pending.toArray(MapSqlParameterSource[]::new));
                pending.clear();
            }
        }
    }
}
