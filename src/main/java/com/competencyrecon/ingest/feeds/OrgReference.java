package com.competencyrecon.ingest.feeds;

import com.competencyrecon.ingest.FeedLookups;
import com.competencyrecon.ingest.FeedSpec.Rejection;
import com.competencyrecon.ingest.FeedSpec.RowCheck;
import com.competencyrecon.ingest.RejectReason;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The check of feeds whose rows name an organisation: it must be known. */
final class OrgReference {

    private OrgReference() {
    }

    static <R> RowCheck<R> check(List<R> rows, Function<R, String> orgOf, FeedLookups lookups) {
        Set<String> orgs = lookups.knownOrganizations(rows.stream().map(orgOf).distinct().toList());
        return (row, stored) -> orgs.contains(orgOf.apply(row)) ? Optional.empty()
                : Optional.of(unknown(orgOf.apply(row)));
    }

    static Rejection unknown(String orgId) {
        return new Rejection(RejectReason.UNKNOWN_ORG, "organisation " + orgId + " is not known");
    }
}
