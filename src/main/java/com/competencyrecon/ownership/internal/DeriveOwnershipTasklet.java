package com.competencyrecon.ownership.internal;

import com.competencyrecon.ownership.DerivationScope;
import com.competencyrecon.ownership.EffectiveLink;
import com.competencyrecon.ownership.EffectiveLinks;
import com.competencyrecon.ownership.LinkEvent;
import com.competencyrecon.ownership.LinkHistory;
import com.competencyrecon.ownership.LinkReplay;
import com.competencyrecon.ownership.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the effective links as of the night's counting instant by replaying, MSA by MSA, every accepted link
 * event with the accounts it names: of every MSA on a full night, of the MSAs whose links can have changed on an
 * incremental one. Each call handles one page of MSAs (keyset order) in its own transaction and
 * remembers the last MSA done in the step's context, so memory holds one page and a restart resumes after the
 * last committed page.
 */
public class DeriveOwnershipTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DeriveOwnershipTasklet.class);
    static final String AFTER = "ownership.after";
    static final String LINKED = "ownership.linked";

    private final LinkHistory history;
    private final EffectiveLinks links;
    private final DerivationScope scope;
    private final Instant countableAt;
    private final int page;

    public DeriveOwnershipTasklet(LinkHistory history, EffectiveLinks links, DerivationScope scope,
                                  Instant countableAt, int page) {
        this.history = history;
        this.links = links;
        this.scope = scope;
        this.countableAt = countableAt;
        this.page = page;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        if (!context.containsKey(AFTER)) {
            // The first page of the step (not of a restart): on a full night, tonight's links replace every
            // earlier night's.
            if (scope.everyMsa()) {
                links.clear();
            }
            context.putString(AFTER, "");
            context.putLong(LINKED, 0);
        }
        List<String> msas = scope.everyMsa() ? history.msasAfter(context.getString(AFTER), countableAt, page)
                : scope.msasAfter(context.getString(AFTER), page);
        if (msas.isEmpty()) {
            log.info("Effective links at {}: {} MSAs linked", countableAt, context.getLong(LINKED));
            return RepeatStatus.FINISHED;
        }
        Map<String, List<LinkEvent>> events = new HashMap<>();
        Map<String, Map<String, UserAccount>> users = new HashMap<>();
        history.eventsOf(msas, countableAt, (event, user) -> {
            events.computeIfAbsent(event.msaId(), k -> new ArrayList<>()).add(event);
            users.computeIfAbsent(event.msaId(), k -> new HashMap<>()).put(user.userId(), user);
            contribution.incrementReadCount();
        });
        List<EffectiveLink> derived = new ArrayList<>();
        for (String msa : msas) {
            LinkReplay.effectiveAt(events.getOrDefault(msa, List.of()), users.getOrDefault(msa, Map.of()), countableAt)
                    .ifPresent(derived::add);
        }
        if (!scope.everyMsa()) {
            links.forget(msas);
            scope.derived(derived);
        }
        links.save(derived);
        contribution.incrementWriteCount(derived.size());
        context.putString(AFTER, msas.get(msas.size() - 1));
        context.putLong(LINKED, context.getLong(LINKED) + derived.size());
        return RepeatStatus.CONTINUABLE;
    }
}
