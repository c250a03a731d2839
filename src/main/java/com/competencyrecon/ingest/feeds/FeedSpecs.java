package com.competencyrecon.ingest.feeds;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.ingest.Feed;
import com.competencyrecon.ingest.FeedNight;
import com.competencyrecon.ingest.FeedSpec;


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
    public static FeedSpec.Layout header(Feed feed) {
        return switch (feed) {
            case ORGANIZATIONS -> OrganizationsFeed.LAYOUT;
            case USERS -> UsersFeed.LAYOUT;
            case MSA_LINKS -> MsaLinksFeed.LAYOUT;
            case ACHIEVEMENTS -> AchievementsFeed.LAYOUT;
            case METRICS -> MetricsFeed.LAYOUT;
            case MEMBERSHIPS -> MembershipsFeed.LAYOUT;
            case OVERRIDES -> OverridesFeed.LAYOUT;
        };
    }

}
