package com.competencyrecon.alerts;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.Competency;
import com.competencyrecon.catalog.CompetencyPath;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.catalog.MetricRequirement;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.membership.MembershipDirectory;
import com.competencyrecon.membership.MembershipStanding;
import com.competencyrecon.membership.MembershipTerm;
import com.competencyrecon.system.ReconMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

// replaced by AlertsWriter; removed when the step is rewired
/**
 * Compares tonight with what is stored: raises an alert the first night its condition holds ({@code NEW}),
 * keeps it {@code OPEN} while it holds and marks it {@code RESOLVED} the first night it does not. A key that
 * was resolved is never raised again. Running the step twice for one night gives the same alerts.
 */
public class AlertsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(AlertsTasklet.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final MembershipDirectory memberships;
    private final Catalog catalog;
    private final AsOf asOf;
    private final LocalDate date;
    private final ReconMetrics metrics;

    public AlertsTasklet(NamedParameterJdbcTemplate jdbc, MembershipDirectory memberships, Catalog catalog, AsOf asOf,
                         ReconMetrics metrics) {
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.catalog = catalog;
        this.asOf = asOf;
        this.date = asOf.businessDate();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<AlertCondition> conditions = conditions();
        contribution.incrementReadCount();
        int raised = apply(conditions);
        contribution.incrementWriteCount(raised);
        jdbc.query("""
                SELECT type, CASE WHEN resolved_on IS NOT NULL THEN 'RESOLVED' WHEN opened_on = :date THEN 'NEW'
                       ELSE 'OPEN' END AS state
                  FROM alert WHERE (resolved_on IS NULL AND last_seen_on = :date) OR resolved_on = :date""",
                new MapSqlParameterSource("date", date),
                rs -> {
                    metrics.alert(rs.getString("type"), rs.getString("state"));
                });
        log.info("Alerts for {}: {} conditions hold, {} new", date, conditions.size(), raised);
        return RepeatStatus.FINISHED;
    }

    List<AlertCondition> conditions() {
        Map<String, MembershipStanding> standings = memberships.standingsOn(date);
        List<AlertCondition> conditions = new ArrayList<>();
        standings.forEach((org, standing) -> membershipConditions(org, standing, conditions));
        Map<String, List<Map<String, Object>>> overrides = overridesByOrg();
        jdbc.query("""
                SELECT r.org_id, r.competency, r.attained_level, r.requirement_level, r.displayed_level,
                       r.projected_level, r.override_id, o.market
                  FROM competency_result r JOIN organization o ON o.org_id = r.org_id
                 WHERE r.business_date = :date ORDER BY r.org_id, r.competency""",
                new MapSqlParameterSource("date", date), rs -> {
                    String org = rs.getString("org_id");
                    String competency = rs.getString("competency");
                    Level attained = Level.valueOf(rs.getString("attained_level"));
                    Level requirements = Level.valueOf(rs.getString("requirement_level"));
                    Level displayed = Level.valueOf(rs.getString("displayed_level"));
                    Level projected = Level.valueOf(rs.getString("projected_level"));
                    Market market = Market.valueOf(rs.getString("market"));
                    MembershipStanding standing = standings.get(org);
                    boolean covered = standing != null && standing.covers();
                    String term = covered ? standing.term().termId() : "";
                    String name = catalog.competency(competency).map(Competency::name).orElse(competency);
                    if (displayed != Level.NONE && !attained.atLeast(displayed)) {
                        conditions.add(new AlertCondition(org, AlertType.RENEWAL_AT_RISK, competency, displayed.name(),
                                term, causes(org, market, competency, displayed),
                                "A recent change to your competency achievement has put your membership renewal"
                                        + " eligibility at risk: " + name + " is no longer met at " + word(displayed) + "."));
                    }
                    if (displayed != Level.NONE && standing.phase() == MembershipStanding.Phase.ACTIVE
                            && !projected.atLeast(displayed)) {
                        conditions.add(new AlertCondition(org, AlertType.PROJECTED_AT_RISK, competency,
                                displayed.name(), term, List.of(),
                                name + " would not be met at " + word(displayed) + " on your anniversary "
                                        + standing.term().anniversary() + projectionReason(attained, requirements,
                                        displayed, rs.getString("override_id"))));
                    }
                    if (covered && standing.term().level() == Level.SILVER && attained == Level.GOLD) {
                        conditions.add(new AlertCondition(org, AlertType.UPGRADE_AVAILABLE, competency, "GOLD", term,
                                List.of(), "You meet Gold in " + name + ": you can upgrade your membership to Gold."));
                    }
                    if (!covered && attained != Level.NONE) {
                        conditions.add(new AlertCondition(org, AlertType.QUALIFIED_NOT_MEMBER, competency,
                                attained.name(), "", List.of(), "You meet " + word(attained) + " in " + name
                                + ": buy a " + word(attained) + " membership to show it."));
                    }
                    lapsedOverride(overrides.getOrDefault(org, List.of()), competency, requirements, rs.getString("override_id"))
                            .ifPresent(o -> conditions.add(new AlertCondition(org, AlertType.OVERRIDE_EXPIRED, competency,
                                    (String) o.get("level"), term, causes(org, market, competency, Level.valueOf((String) o.get("level"))),
                                    "The override " + o.get("override_id") + " of " + name + " at "
                                            + word(Level.valueOf((String) o.get("level"))) + " ended on "
                                            + o.get("valid_until") + " and your requirements give "
                                            + word(requirements) + ".")));
                });
        return conditions;
    }

    private void membershipConditions(String org, MembershipStanding standing, List<AlertCondition> conditions) {
        MembershipTerm term = standing.term();
        switch (standing.phase()) {
            case LAPSED -> conditions.add(new AlertCondition(org, AlertType.MEMBERSHIP_LAPSED, "", "", term.termId(),
                    List.of(), "Your " + word(term.level()) + " membership lapsed: its renewal window closed on "
                    + term.windowCloses() + " without renewal."));
            case ACTIVE, IN_WINDOW -> {
                if (!date.isBefore(term.anniversary().minusDays(15))) {
                    conditions.add(new AlertCondition(org, AlertType.RENEWAL_DUE, "", "", term.termId(), List.of(),
                            "Your " + word(term.level()) + " membership reaches its anniversary on " + term.anniversary()
                                    + "; renew by " + term.windowCloses() + "."));
                }
                if (standing.phase() == MembershipStanding.Phase.IN_WINDOW
                        && !date.isBefore(term.anniversary().plusDays(23))) {
                    conditions.add(new AlertCondition(org, AlertType.RENEWAL_WINDOW_CLOSING, "", "", term.termId(),
                            List.of(), "Your renewal window closes on " + term.windowCloses()
                            + ": renew now to keep your " + word(term.level()) + " membership."));
                }
            }
        }
    }

    /** The latest override of a competency that has ended, when no override is valid tonight and requirements fall short. */
    private Optional<Map<String, Object>> lapsedOverride(List<Map<String, Object>> overrides, String competency,
                                                         Level requirements, String validOverride) {
        if (validOverride != null) {
            return Optional.empty();
        }
        return overrides.stream()
                .filter(o -> competency.equals(o.get("competency")))
                .filter(o -> ((LocalDate) o.get("valid_until")).isBefore(date))
                .max((a, b) -> ((LocalDate) a.get("valid_until")).compareTo((LocalDate) b.get("valid_until")))
                .filter(o -> !requirements.atLeast(Level.valueOf((String) o.get("level"))));
    }

    private Map<String, List<Map<String, Object>>> overridesByOrg() {
        Map<String, List<Map<String, Object>>> byOrg = new HashMap<>();
        jdbc.query("SELECT override_id, org_id, competency, level, valid_from, valid_until FROM override_grant",
                new MapSqlParameterSource(), rs -> {
                    Map<String, Object> o = new HashMap<>();
                    o.put("override_id", rs.getString("override_id"));
                    o.put("competency", rs.getString("competency"));
                    o.put("level", rs.getString("level"));
                    o.put("valid_from", rs.getObject("valid_from", LocalDate.class));
                    o.put("valid_until", rs.getObject("valid_until", LocalDate.class));
                    byOrg.computeIfAbsent(rs.getString("org_id"), k -> new ArrayList<>()).add(o);
                });
        return byOrg;
    }

    /** What changed since the last night on which the organisation met the competency at {@code level}. */
    List<String> causes(String org, Market market, String competency, Level level) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("org", org).addValue("competency", competency)
                .addValue("level", level.name());
        List<Map<String, Object>> made = jdbc.queryForList("""
                SELECT c.kind, c.subject, c.user_id, c.detail, m.path
                  FROM level_met_contribution c JOIN level_met m
                    ON m.org_id = c.org_id AND m.competency = c.competency AND m.level = c.level
                 WHERE c.org_id = :org AND c.competency = :competency AND c.level = :level""", p);
        Set<String> causes = new TreeSet<>();
        for (Map<String, Object> c : made) {
            String subject = (String) c.get("subject");
            switch ((String) c.get("kind")) {
                case "PERSON" -> personCauses(org, subject, (String) c.get("user_id"), (String) c.get("detail"), causes);
                case "METRIC" -> metricCause(org, market, competency, level, (String) c.get("path"), subject, causes);
                case "OVERRIDE" -> {
                    Boolean valid = jdbc.queryForObject("""
                            SELECT COUNT(*) > 0 FROM override_grant WHERE override_id = :id
                               AND valid_from <= :date AND valid_until >= :date""",
                            new MapSqlParameterSource("id", subject).addValue("date", date), Boolean.class);
                    if (!Boolean.TRUE.equals(valid)) {
                        causes.add("OVERRIDE_LAPSED:" + subject);
                    }
                }
                default -> {
                }
            }
        }
        return new ArrayList<>(causes);
    }

    private void personCauses(String org, String msa, String userId, String credentials, Set<String> causes) {
        List<Map<String, Object>> link = jdbc.queryForList("SELECT user_id, org_id FROM effective_link WHERE msa_id = :msa",
                new MapSqlParameterSource("msa", msa));
        if (userId != null) {
            List<String> status = jdbc.queryForList("SELECT status FROM user_account WHERE user_id = :user",
                    new MapSqlParameterSource("user", userId), String.class);
            boolean stillLinkedToUser = !link.isEmpty() && userId.equals(link.get(0).get("user_id"));
            if (!stillLinkedToUser && status.contains("DELETED")) {
                causes.add("USER_DELETED:" + userId);
                return;
            }
        }
        if (link.isEmpty()) {
            causes.add("MSA_UNLINKED:" + msa);
            return;
        }
        if (!org.equals(link.get(0).get("org_id"))) {
            causes.add("MSA_MOVED:" + msa);
            return;
        }
        for (String credential : credentials.split(";")) {
            if (credential.isBlank()) {
                continue;
            }
            List<Map<String, Object>> held = jdbc.queryForList("""
                    SELECT earned_at, expires_on, status FROM achievement WHERE msa_id = :msa AND credential = :credential""",
                    new MapSqlParameterSource("msa", msa).addValue("credential", credential));
            boolean accepted = catalog.credential(credential).map(c -> c.acceptedOn(date)).orElse(false);
            boolean counts = false;
            boolean expired = false;
            boolean revoked = false;
            for (Map<String, Object> a : held) {
                LocalDate expires = a.get("expires_on") == null ? null : toDate(a.get("expires_on"));
                boolean isRevoked = "REVOKED".equals(a.get("status"));
                boolean isExpired = expires != null && !expires.isAfter(date);
                revoked |= isRevoked;
                expired |= isExpired && !isRevoked;
                counts |= !isRevoked && !isExpired;
            }
            if (!accepted) {
                causes.add("CREDENTIAL_RETIRED:" + msa + "/" + credential);
            } else if (!counts && revoked && !expired) {
                causes.add("ACHIEVEMENT_REVOKED:" + msa + "/" + credential);
            } else if (!counts && expired) {
                causes.add("CREDENTIAL_EXPIRED:" + msa + "/" + credential);
            } else if (!counts && revoked) {
                causes.add("ACHIEVEMENT_REVOKED:" + msa + "/" + credential);
            }
        }
    }

    /** Why the displayed level would not be met on the anniversary, as far as tonight tells. */
    static String projectionReason(Level attained, Level requirements, Level displayed, String overrideId) {
        if (!attained.atLeast(displayed)) {
            return " unless it is met again before then.";
        }
        if (overrideId != null && !requirements.atLeast(displayed)) {
            return ": the override " + overrideId + " that gives it ends before then.";
        }
        return ": credentials expire or retire before then.";
    }

    /** A level as a partner reads it: Silver, Gold, or no level. */
    static String word(Level level) {
        return switch (level) {
            case GOLD -> "Gold";
            case SILVER -> "Silver";
            case NONE -> "no level";
        };
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private void metricCause(String org, Market market, String competency, Level level, String pathCode, String metric,
                             Set<String> causes) {
        Optional<MetricRequirement> requirement = catalog.competency(competency).stream()
                .flatMap(c -> c.paths(level).stream())
                .filter(p -> p.code().equals(pathCode))
                .map(CompetencyPath::requirements).flatMap(List::stream)
                .filter(r -> r instanceof MetricRequirement m && m.metric().equals(metric))
                .map(r -> (MetricRequirement) r).findFirst();
        if (requirement.isEmpty()) {
            return;
        }
        BigDecimal sum = jdbc.queryForObject("""
                SELECT COALESCE(SUM(amount), 0) FROM metric_value
                 WHERE org_id = :org AND metric = :metric AND association IN (:associations)
                   AND month >= :from AND month <= :to""",
                new MapSqlParameterSource("org", org).addValue("metric", metric)
                        .addValue("associations", requirement.get().associations().stream().map(Enum::name).toList())
                        .addValue("from", asOf.ttmStart().toString()).addValue("to", asOf.ttmEnd().toString()),
                BigDecimal.class);
        if (sum.compareTo(requirement.get().thresholdFor(market)) < 0) {
            causes.add("METRIC_BELOW:" + metric);
        }
    }

    /** Stores tonight's conditions as alerts; returns how many were raised for the first time. */
    int apply(List<AlertCondition> conditions) {
        Map<String, Map<String, Object>> stored = new HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("""
                SELECT alert_id, org_id, type, competency, level, term_id, opened_on, resolved_on FROM alert
                 WHERE resolved_on IS NULL OR resolved_on >= :date OR opened_on >= :date""",
                new MapSqlParameterSource("date", date))) {
            stored.put(String.join("|", (String) row.get("org_id"), (String) row.get("type"),
                    (String) row.get("competency"), (String) row.get("level"), (String) row.get("term_id")), row);
        }
        Set<String> holding = new TreeSet<>();
        int raised = 0;
        for (AlertCondition c : conditions) {
            if (!holding.add(c.key())) {
                continue;
            }
            Map<String, Object> row = stored.get(c.key());
            MapSqlParameterSource p = new MapSqlParameterSource().addValue("date", date)
                    .addValue("causes", String.join(";", c.causes())).addValue("message", c.message());
            if (row == null) {
                if (resolvedBefore(c)) {
                    continue;
                }
                jdbc.update("""
                        INSERT INTO alert (alert_id, org_id, type, competency, level, term_id, opened_on, last_seen_on,
                               resolved_on, causes, message)
                        VALUES (:id, :org, :type, :competency, :level, :term, :date, :date, NULL, :causes, :message)""",
                        p.addValue("id", c.alertId(date)).addValue("org", c.orgId()).addValue("type", c.type().name())
                                .addValue("competency", c.competency()).addValue("level", c.level())
                                .addValue("term", c.termId()));
                raised++;
            } else {
                jdbc.update("""
                        UPDATE alert SET last_seen_on = :date, resolved_on = NULL, causes = :causes, message = :message
                         WHERE alert_id = :id""", p.addValue("id", row.get("alert_id")));
            }
        }
        for (Map.Entry<String, Map<String, Object>> e : stored.entrySet()) {
            if (!holding.contains(e.getKey()) && e.getValue().get("resolved_on") == null) {
                jdbc.update("UPDATE alert SET resolved_on = :date WHERE alert_id = :id",
                        new MapSqlParameterSource("date", date).addValue("id", e.getValue().get("alert_id")));
            }
        }
        return raised;
    }

    private boolean resolvedBefore(AlertCondition c) {
        Integer n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM alert WHERE org_id = :org AND type = :type AND competency = :competency
                   AND level = :level AND term_id = :term""",
                new MapSqlParameterSource("org", c.orgId()).addValue("type", c.type().name())
                        .addValue("competency", c.competency()).addValue("level", c.level()).addValue("term", c.termId()),
                Integer.class);
        return n != null && n > 0;
    }
}
