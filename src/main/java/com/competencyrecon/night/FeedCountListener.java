package com.competencyrecon.night;

import com.competencyrecon.ingest.Feed;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

/** Records a feed delivered with no record as read 0, applied 0, rejected 0, so it is told apart from an absent one. */
class FeedCountListener implements StepExecutionListener {

    private final NamedParameterJdbcTemplate jdbc;

    FeedCountListener(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        String inputDir = step.getJobParameters().getString(NightParameters.INPUT_DIR);
        Feed feed = Feed.byStepName(step.getStepName());
        if (step.getStatus() == BatchStatus.COMPLETED && inputDir != null
                && Files.exists(Path.of(inputDir).resolve(feed.fileName()))) {
            MapSqlParameterSource p = new MapSqlParameterSource("date",
                    java.time.LocalDate.parse(step.getJobParameters().getString(NightParameters.BUSINESS_DATE)))
                    .addValue("feed", feed.fileName());
            Integer rows = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM feed_count WHERE business_date = :date AND feed = :feed", p, Integer.class);
            if (rows != null && rows == 0) {
                jdbc.update("""
                        INSERT INTO feed_count (business_date, feed, read_count, applied_count, rejected_count)
                        VALUES (:date, :feed, 0, 0, 0)""", p);
            }
        }
        return step.getExitStatus();
    }
}
