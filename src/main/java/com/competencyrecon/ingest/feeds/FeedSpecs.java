package com.competencyrecon.ingest.feeds;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedNight;
import com.competencyrecon.ingest.FeedSpec;

import java.util.List;
import java.util.Set;

/** The spec of each feed for one night. */
public final class FeedSpecs {

    private FeedSpecs() {
    }

    /** @param catalog the night's catalogue: an override must name one of its competencies */
    public static FeedSpec<?> of(Feed feed, FeedNight night, Catalog catalog) {
        return switch (feed) {
            case ORGANIZATIONS -> new OrganizationsFeed();
            case USERS -> new UsersFeed(night);
            case MSA_LINKS -> new MsaLinksFeed(night);
            case ACHIEVEMENTS -> new AchievementsFeed(night);
            case METRICS -> new MetricsFeed(night);
            case MEMBERSHIPS -> new MembershipsFeed(night);
            case OVERRIDES -> new OverridesFeed(catalog);
        };
    }

    /**
     * The columns of a feed's file and those its header must have, known without a night or a catalogue (a
     * reader opens before anything is parsed).
     */
    public static Header header(Feed feed) {
        return switch (feed) {
            case ORGANIZATIONS -> new Header(OrganizationsFeed.COLUMNS, OrganizationsFeed.REQUIRED);
            case USERS -> new Header(UsersFeed.COLUMNS, UsersFeed.REQUIRED);
            case MSA_LINKS -> new Header(MsaLinksFeed.COLUMNS, MsaLinksFeed.REQUIRED);
            case ACHIEVEMENTS -> new Header(AchievementsFeed.COLUMNS, AchievementsFeed.REQUIRED);
            case METRICS -> new Header(MetricsFeed.COLUMNS, MetricsFeed.REQUIRED);
            case MEMBERSHIPS -> new Header(MembershipsFeed.COLUMNS, MembershipsFeed.REQUIRED);
            case OVERRIDES -> new Header(OverridesFeed.COLUMNS, OverridesFeed.REQUIRED);
        };
    }

    public record Header(List<String> columns, Set<String> required) {
    }
}
