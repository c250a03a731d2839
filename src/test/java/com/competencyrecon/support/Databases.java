package com.competencyrecon.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Empties every table the product and the job repository write, so one test's nights do not leak into the next. */
public final class Databases {

    private static final List<String> TABLES = List.of("organization", "user_account", "msa_link_event",
            "achievement", "metric_value", "membership_order", "override_grant", "feed_reject", "feed_count",
            "effective_link", "competency_result", "held_level", "level_met", "level_met_contribution", "alert",
            "night_plan", "night_msa", "night_org", "schedule_firing",
            "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE");

    private Databases() {
    }

    public static void reset(JdbcTemplate jdbc) {
        TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
    }
}
