package com.competencyrecon.night;

import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.Organizations;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Organisations in id order, a keyset page at a time. Restartable: the count of organisations read is
 * saved, and a restart reads past them page by page.
 */
class OrganizationReader extends AbstractItemCountingItemStreamItemReader<OrgRow> {

    private final BiFunction<String, Integer, List<OrgRow>> pages;
    private final int page;
    private final Deque<OrgRow> buffer = new ArrayDeque<>();
    private String after = "";
    private boolean exhausted;

    /** Every organisation. */
    OrganizationReader(Organizations organizations, int page, String name) {
        this(organizations::after, page, name);
    }

    /** The organisations a page function gives: up to {@code limit} after an org id, in id order. */
    OrganizationReader(BiFunction<String, Integer, List<OrgRow>> pages, int page, String name) {
        this.pages = pages;
        this.page = page;
        setName(name);
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
        after = "";
        exhausted = false;
    }

    @Override
    protected void doClose() {
        buffer.clear();
    }
}
