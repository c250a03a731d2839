package com.competencyrecon.alerts;

import com.competencyrecon.catalog.Catalog;
import com.competencyrecon.catalog.CompetencyPath;
import com.competencyrecon.catalog.Level;
import com.competencyrecon.catalog.Market;
import com.competencyrecon.catalog.MetricRequirement;
import com.competencyrecon.evaluation.Achievement;
import com.competencyrecon.evaluation.AchievementStatus;
import com.competencyrecon.evaluation.AsOf;
import com.competencyrecon.evaluation.CompetencyEvaluator;
import com.competencyrecon.evaluation.Contribution;
import com.competencyrecon.evaluation.LevelMet;
import com.competencyrecon.evaluation.MetricValue;
import com.competencyrecon.evaluation.OrgSnapshot;
import com.competencyrecon.evaluation.OverrideGrant;
import com.competencyrecon.ownership.EffectiveLink;
import com.competencyrecon.ownership.UserAccount;
import com.competencyrecon.ownership.UserStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names what changed since the last night on which an organisation met a competency at a level: each person,
 * metric and override that made the level then and no longer would, as {@code CODE:subject}, sorted and
 * without repeats. Judged with the evaluator's own rules as of tonight.
 */
public final class Causes {

    /**
     * What the causes are read from, for a set of organisations.
     *
     * @param lastMet      what last made each level, by organisation
     * @param links        the links in force tonight of the MSAs that contributed, by MSA (absent when unlinked)
     * @param users        the accounts of the users that contributed, by user id
     * @param achievements every achievement of the MSAs that contributed, by MSA
     * @param metrics      the organisations' monthly figures (at least the trailing twelve months), by organisation
     * @param overrides    the organisations' overrides, by organisation
     */
    public record History(Map<String, List<LevelMet>> lastMet, Map<String, EffectiveLink> links,
                          Map<String, UserAccount> users, Map<String, List<Achievement>> achievements,
                          Map<String, List<MetricValue>> metrics, Map<String, List<OverrideGrant>> overrides) {

        public static final History NONE = new History(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        /** The MSAs whose links and achievements the causes read. */
        public static Set<String> contributingMsas(Map<String, List<LevelMet>> lastMet) {
            return subjects(lastMet, false);
        }

        /** The users whose accounts the causes read. */
        public static Set<String> contributingUsers(Map<String, List<LevelMet>> lastMet) {
            return subjects(lastMet, true);
        }

        private static Set<String> subjects(Map<String, List<LevelMet>> lastMet, boolean users) {
            Set<String> ids = new TreeSet<>();
            lastMet.values().stream().flatMap(List::stream).flatMap(m -> m.contributions().stream())
                    .filter(c -> c.kind() == Contribution.Kind.PERSON)
                    .map(c -> users ? c.userId() : c.subject())
                    .filter(id -> id != null).forEach(ids::add);
            return ids;
        }
    }

    private final Catalog catalog;
    private final CompetencyEvaluator evaluator;
    private final AsOf asOf;
    private final History history;
    /** In a dry run, the organisations whose causes were asked for; else null. */
    private final Set<String> asked;

    public Causes(Catalog catalog, AsOf asOf, History history) {
        this(catalog, asOf, history, null);
    }

    private Causes(Catalog catalog, AsOf asOf, History history, Set<String> asked) {
        this.catalog = catalog;
        this.evaluator = new CompetencyEvaluator(catalog);
        this.asOf = asOf;
        this.history = history;
        this.asked = asked;
    }

    /**
     * Causes that only note which organisations they are asked about and name none: a dry run of the rules
     * tells which organisations' history a night must read, usually few of them.
     */
    static Causes dryRun(Catalog catalog, AsOf asOf, Set<String> asked) {
        return new Causes(catalog, asOf, History.NONE, asked);
    }

    /** The causes for an organisation no longer meeting {@code competency} at {@code level}. */
    public List<String> of(String orgId, Market market, String competency, Level level) {
        if (asked != null) {
            asked.add(orgId);
            return List.of();
        }
        Optional<LevelMet> made = history.lastMet().getOrDefault(orgId, List.of()).stream()
                .filter(m -> m.competency().equals(competency) && m.level() == level).findFirst();
        Set<String> causes = new TreeSet<>();
        for (Contribution c : made.map(LevelMet::contributions).orElse(List.of())) {
            switch (c.kind()) {
                case PERSON -> personCauses(orgId, c, causes);
                case METRIC -> metricCause(orgId, market, competency, level, made.get().path(), c.subject(), causes);
                case OVERRIDE -> {
                    boolean valid = history.overrides().getOrDefault(orgId, List.of()).stream()
                            .anyMatch(o -> o.overrideId().equals(c.subject()) && o.validOn(asOf.businessDate()));
                    if (!valid) {
                        causes.add("OVERRIDE_LAPSED:" + c.subject());
                    }
                }
            }
        }
        return new ArrayList<>(causes);
    }

    /**
     * A person stops counting because its user was deleted, its MSA was unlinked or moved, or (still linked
     * here) a credential that counted no longer does. Only the first of these is named: the later ones
     * follow from it.
     */
    private void personCauses(String orgId, Contribution person, Set<String> causes) {
        String msa = person.subject();
        EffectiveLink link = history.links().get(msa);
        String userId = person.userId();
        if (userId != null) {
            UserAccount user = history.users().get(userId);
            boolean stillLinkedToUser = link != null && userId.equals(link.userId());
            if (!stillLinkedToUser && user != null && user.status() == UserStatus.DELETED) {
                causes.add("USER_DELETED:" + userId);
                return;
            }
        }
        if (link == null) {
            causes.add("MSA_UNLINKED:" + msa);
            return;
        }
        if (!orgId.equals(link.orgId())) {
            causes.add("MSA_MOVED:" + msa);
            return;
        }
        String credentials = person.detail() == null ? "" : person.detail();
        for (String credential : credentials.split(";")) {
            if (!credential.isBlank()) {
                credentialCause(msa, credential, causes);
            }
        }
    }

    /**
     * Why a credential that counted when the level was last met no longer counts.
     *
     * <p>Whether an achievement still counts is {@link CompetencyEvaluator#counts}, the evaluator's own rule:
     * not revoked, not expired on the business date, its credential accepted on the business date, and earned
     * at or before tonight's counting instant. The acceptance is tested first (a retired credential is named
     * as such), so {@code counts} only adds the earning instant to "not revoked and not expired". For the
     * achievement that made the stored contribution that changes nothing: it counted on an earlier night, so
     * it was earned at or before that night's counting instant, which is before tonight's. It can differ only
     * for another record of the same MSA and credential earned after tonight's counting instant: that one
     * does not count tonight (the evaluator left it out too), so the revocation or expiry it would have hidden
     * is named.
     */
    private void credentialCause(String msa, String credential, Set<String> causes) {
        List<Achievement> held = history.achievements().getOrDefault(msa, List.of()).stream()
                .filter(a -> a.credential().equals(credential)).toList();
        boolean accepted = catalog.credential(credential).map(c -> c.acceptedOn(asOf.validOn())).orElse(false);
        if (!accepted) {
            causes.add("CREDENTIAL_RETIRED:" + msa + "/" + credential);
            return;
        }
        if (held.stream().anyMatch(a -> evaluator.counts(a, asOf))) {
            return;
        }
        boolean revoked = held.stream().anyMatch(a -> a.status() == AchievementStatus.REVOKED);
        boolean expired = held.stream().anyMatch(a -> a.status() != AchievementStatus.REVOKED
                && a.expiresOn() != null && !a.expiresOn().isAfter(asOf.validOn()));
        if (expired) {
            causes.add("CREDENTIAL_EXPIRED:" + msa + "/" + credential);
        } else if (revoked) {
            causes.add("ACHIEVEMENT_REVOKED:" + msa + "/" + credential);
        }
    }

    /** A metric of the path that made the level whose trailing-twelve-months sum is now below its threshold. */
    private void metricCause(String orgId, Market market, String competency, Level level, String pathCode,
                             String metric, Set<String> causes) {
        Optional<MetricRequirement> requirement = catalog.competency(competency).stream()
                .flatMap(c -> c.paths(level).stream())
                .filter(p -> p.code().equals(pathCode))
                .map(CompetencyPath::requirements).flatMap(List::stream)
                .filter(r -> r instanceof MetricRequirement m && m.metric().equals(metric))
                .map(r -> (MetricRequirement) r).findFirst();
        if (requirement.isEmpty()) {
            return;
        }
        OrgSnapshot figures = new OrgSnapshot(orgId, market, List.of(), List.of(),
                history.metrics().getOrDefault(orgId, List.of()), List.of());
        if (CompetencyEvaluator.trailingSum(figures, requirement.get(), asOf)
                .compareTo(requirement.get().thresholdFor(market)) < 0) {
            causes.add("METRIC_BELOW:" + metric);
        }
    }
}
