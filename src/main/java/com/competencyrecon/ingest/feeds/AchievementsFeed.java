package com.competencyrecon.ingest.feeds;

import com.competencyrecon.evaluation.AchievementStatus;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedNight;
import com.competencyrecon.ingest.FeedSpec;
import com.competencyrecon.ingest.csv.CsvRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static com.competencyrecon.ingest.feeds.Fields.enumValue;
import static com.competencyrecon.ingest.feeds.Fields.id;
import static com.competencyrecon.ingest.feeds.Fields.maxLength;
import static com.competencyrecon.ingest.feeds.Fields.optionalDate;

/** {@code achievements.csv}: credentials earned by MSAs; an MSA need not be linked yet. */
public final class AchievementsFeed implements FeedSpec<AchievementsFeed.Row> {

    static final Layout LAYOUT = new Layout(Feed.ACHIEVEMENTS,
            List.of("record_id", "msa_id", "credential", "earned_at", "expires_on",
                    "status", "source"),
            Set.of("record_id", "msa_id", "credential", "earned_at"), List.of("record_id"));

    public record Row(String recordId, String msaId, String credential, Instant earnedAt, LocalDate expiresOn,
                      AchievementStatus status, String source) {
    }

    private final Fields fields;

    public AchievementsFeed(FeedNight night) {
        this.fields = new Fields(night);
    }

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public Row parse(CsvRecord r) {
        String recordId = id(r, "record_id");
        String msaId = id(r, "msa_id");
        String credential = id(r, "credential");
        Instant earnedAt = fields.instantByCutoff(r, "earned_at");
        LocalDate expiresOn = optionalDate(r, "expires_on");
        Row row = new Row(recordId, msaId, credential, earnedAt, expiresOn,
                enumValue(r, "status", AchievementStatus.class, AchievementStatus.ACTIVE), r.get("source"));
        maxLength("record_id", row.recordId(), 64);
        maxLength("msa_id", row.msaId(), 64);
        maxLength("credential", row.credential(), 64);
        maxLength("source", row.source(), 128);
        return row;
    }

    @Override
    public String key(Row row) {
        return row.recordId();
    }
}
