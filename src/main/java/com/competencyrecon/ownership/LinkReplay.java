package com.competencyrecon.ownership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Single-organisation ownership of an MSA, derived by replaying its accepted link events in
 * {@link LinkEvent#REPLAY_ORDER}, whatever night they arrived in.
 *
 * <p>An <em>org move</em> is a {@code LINK} that puts the MSA in an organisation other than the last one it
 * was linked to (its first link included). Re-linking to the same user, or to another user of the same
 * organisation, after an {@code UNLINK} or a deletion is therefore no move.
 */
public final class LinkReplay {

    private LinkReplay() {
    }

    /**
     * The link in force at {@code at}, counting only events at or before it and deletions at or before it.
     *
     * @param events the MSA's accepted events, in any order
     * @param users  the user accounts the events name, by id
     */
    public static Optional<EffectiveLink> effectiveAt(List<LinkEvent> events, Map<String, UserAccount> users,
                                                      Instant at) {
        EffectiveLink current = null;
        for (LinkEvent event : sorted(events)) {
            if (event.occurredAt().isAfter(at)) {
                break;
            }
            current = endIfDeleted(current, users, event.occurredAt());
            current = apply(current, event, users);
        }
        return Optional.ofNullable(endIfDeleted(current, users, at));
    }

    /**
     * Judges a new event of an MSA against the events already accepted for it. Returns empty when the event
     * is accepted. Accepted events are never judged again, so a late event that would make the history
     * break a limit is the one rejected.
     */
    public static Optional<LinkRejection> judge(LinkEvent candidate, List<LinkEvent> accepted,
                                                Map<String, UserAccount> users, OwnershipRules rules) {
        if (candidate.action() != LinkAction.LINK) {
            return Optional.empty();
        }
        UserAccount target = users.get(candidate.userId());
        if (target != null && target.deletedBy(candidate.occurredAt())) {
            return Optional.of(new LinkRejection(LinkRejection.Code.LINK_TO_DELETED_USER,
                    "user " + candidate.userId() + " was deleted at " + target.deletedAt()
                            + ", before the link at " + candidate.occurredAt()));
        }
        List<LinkEvent> with = new ArrayList<>(accepted);
        with.add(candidate);
        if (!isMove(candidate, with, users)) {
            return Optional.empty();
        }
        // Only a break the candidate adds counts against it: a history that already breaks a limit (a
        // deletion reported late can turn an accepted link into a move) does not make every later link fail.
        List<Instant> before = moves(accepted, users);
        List<Instant> after = moves(with, users);
        List<Instant[]> limitBreaks = limitBreaks(after, rules);
        if (limitBreaks.size() > limitBreaks(before, rules).size()) {
            Instant[] pair = limitBreaks.get(limitBreaks.size() - 1);
            return Optional.of(new LinkRejection(LinkRejection.Code.LINK_LIMIT,
                    "MSA " + candidate.msaId() + " would make more than " + rules.maxMoves()
                            + " organisation moves within " + rules.window().toDays() + " days (moves from "
                            + pair[0] + " to " + pair[1] + ")"));
        }
        List<Instant[]> coolOffBreaks = coolOffBreaks(after, rules);
        if (coolOffBreaks.size() > coolOffBreaks(before, rules).size()) {
            Instant[] pair = coolOffBreaks.stream()
                    .filter(p -> p[0].equals(candidate.occurredAt()) || p[1].equals(candidate.occurredAt()))
                    .findFirst().orElse(coolOffBreaks.get(coolOffBreaks.size() - 1));
            return Optional.of(new LinkRejection(LinkRejection.Code.LINK_COOL_OFF,
                    "MSA " + candidate.msaId() + " moved organisation at " + pair[0] + " and at " + pair[1]
                            + ", less than " + rules.coolOff().toDays() + " days apart"));
        }
        return Optional.empty();
    }

    /** Pairs (first, last) of moves spanning more than the allowed number within the window. */
    private static List<Instant[]> limitBreaks(List<Instant> moves, OwnershipRules rules) {
        List<Instant[]> breaks = new ArrayList<>();
        for (int i = rules.maxMoves(); i < moves.size(); i++) {
            Instant first = moves.get(i - rules.maxMoves());
            if (first.plus(rules.window()).isAfter(moves.get(i))) {
                breaks.add(new Instant[]{first, moves.get(i)});
            }
        }
        return breaks;
    }

    /** Pairs of consecutive moves closer than the cool-off. */
    private static List<Instant[]> coolOffBreaks(List<Instant> moves, OwnershipRules rules) {
        List<Instant[]> breaks = new ArrayList<>();
        for (int i = 1; i < moves.size(); i++) {
            if (moves.get(i - 1).plus(rules.coolOff()).isAfter(moves.get(i))) {
                breaks.add(new Instant[]{moves.get(i - 1), moves.get(i)});
            }
        }
        return breaks;
    }

    /** The instants of the org moves in an MSA's history. */
    public static List<Instant> moves(List<LinkEvent> events, Map<String, UserAccount> users) {
        List<Instant> moves = new ArrayList<>();
        String lastOrg = null;
        EffectiveLink current = null;
        for (LinkEvent event : sorted(events)) {
            current = endIfDeleted(current, users, event.occurredAt());
            EffectiveLink next = apply(current, event, users);
            if (event.action() == LinkAction.LINK && next != null && next != current) {
                if (!Objects.equals(lastOrg, next.orgId())) {
                    moves.add(event.occurredAt());
                }
                lastOrg = next.orgId();
            }
            current = next;
        }
        return moves;
    }

    private static boolean isMove(LinkEvent candidate, List<LinkEvent> events, Map<String, UserAccount> users) {
        String lastOrg = null;
        EffectiveLink current = null;
        for (LinkEvent event : sorted(events)) {
            current = endIfDeleted(current, users, event.occurredAt());
            EffectiveLink next = apply(current, event, users);
            if (event == candidate) {
                return next != null && next != current && !Objects.equals(lastOrg, next.orgId());
            }
            if (event.action() == LinkAction.LINK && next != null && next != current) {
                lastOrg = next.orgId();
            }
            current = next;
        }
        return false;
    }

    private static EffectiveLink apply(EffectiveLink current, LinkEvent event, Map<String, UserAccount> users) {
        UserAccount user = users.get(event.userId());
        if (event.action() == LinkAction.UNLINK) {
            return current != null && current.userId().equals(event.userId()) ? null : current;
        }
        if (user == null || user.deletedBy(event.occurredAt())) {
            return current;
        }
        if (current != null && current.userId().equals(event.userId())) {
            return current;
        }
        return new EffectiveLink(event.msaId(), user.userId(), user.orgId(), event.occurredAt());
    }

    private static EffectiveLink endIfDeleted(EffectiveLink current, Map<String, UserAccount> users, Instant at) {
        if (current == null) {
            return null;
        }
        UserAccount user = users.get(current.userId());
        return user == null || user.deletedBy(at) ? null : current;
    }

    private static List<LinkEvent> sorted(List<LinkEvent> events) {
        List<LinkEvent> copy = new ArrayList<>(events);
        copy.sort(LinkEvent.REPLAY_ORDER);
        return copy;
    }
}
