package com.competencyrecon.night;

import com.competencyrecon.evaluation.OrgRow;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Organisations in id order, a keyset page at a time. Restartable: the count of organisations read is
 * saved, and a restart reads past them page by page. A partition's reader starts after the last organisation of
 * the partition before it and reads as many as its partition holds ({@link OrganisationPartitioner}).
 */
class OrganizationReader extends AbstractItemCountingItemStreamItemReader<OrgRow> {

    private final BiFunction<String, Integer, List<OrgRow>> pages;
    private final int page;
    private final String start;
    private final boolean empty;
    private final Deque<OrgRow> buffer = new ArrayDeque<>();
    private String after = "";
    private boolean exhausted;

    /**
     * At most {@code count} of the organisations a page function gives (up to a page's size after an org id, in id
     * order) after {@code start}.
     */
    OrganizationReader(BiFunction<String, Integer, List<OrgRow>> pages, int page, String name, String start,
                       int count) {
        this.pages = pages;
        this.page = page;
        this.start = start;
        this.empty = count == 0;
        setName(name);
        if (count > 0) {
            setMaxItemCount(count);
        }
    }

    @Override
    protected OrgRow doRead() {
        if (buffer.isEmpty() && !exhausted) {
            List<OrgRow> next = pages.apply(after, page);
            exhausted = next.isEmpty();
            buffer.addAll(next);
            if (!next.isEmpty()) {
                after = next.get(next.size() - 1).orgId();
            }
        }
        return buffer.poll();
    }

    @Override
    protected void doOpen() {
        buffer.clear();
        after = start;
        exhausted = empty;
    }

    @Override
    protected void doClose() {
        buffer.clear();
    }
}
