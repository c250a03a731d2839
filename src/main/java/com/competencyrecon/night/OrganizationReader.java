package com.competencyrecon.night;

import com.competencyrecon.evaluation.OrgRow;
import com.competencyrecon.evaluation.Organizations;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every organisation in id order, a keyset page at a time. Restartable: the count of organisations read is
 * saved, and a restart reads past them page by page.
 */
class OrganizationReader extends AbstractItemCountingItemStreamItemReader<OrgRow> {

    private final Organizations organizations;
    private final int page;
    private final Deque<OrgRow> buffer = new ArrayDeque<>();
    private String after = "";
    private boolean exhausted;

    OrganizationReader(Organizations organizations, int page, String name) {
        this.organizations = organizations;
        this.page = page;
        setName(name);
    }

    @Override
    protected OrgRow doRead() {
        if (buffer.isEmpty() && !exhausted) {
            List<OrgRow> next = organizations.after(after, page);
            exhausted = next.size() < page;
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
