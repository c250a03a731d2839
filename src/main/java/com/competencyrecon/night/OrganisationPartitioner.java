package com.competencyrecon.night;

import com.competencyrecon.evaluation.OrgRow;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Splits the organisations a step reads into as many ranges of consecutive ids as it is given partitions, their
 * sizes differing by one at most, in the order the step's readers read them (so no two orders of ids need
 * agree: each partition is where to start and how many to read). Always that many partitions, empty ones when
 * there are fewer organisations, so a restart finds every partition under the name it had.
 */
class OrganisationPartitioner implements Partitioner {

    /** The id a partition's organisations come after ({@code ""}: from the first). */
    static final String AFTER = "organisations.after";
    /** How many organisations the partition holds. */
    static final String COUNT = "organisations.count";
    /** Its last organisation, for the logs and an operator's eyes (absent when the partition is empty). */
    static final String LAST = "organisations.last";

    private final BiFunction<String, Integer, List<OrgRow>> pages;
    private final int page;

    OrganisationPartitioner(BiFunction<String, Integer, List<OrgRow>> pages, int page) {
        this.pages = pages;
        this.page = page;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<String> ids = new ArrayList<>();
        String after = "";
        for (List<OrgRow> next = pages.apply(after, page); !next.isEmpty(); next = pages.apply(after, page)) {
            next.forEach(org -> ids.add(org.orgId()));
            after = ids.get(ids.size() - 1);
        }
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < gridSize; i++) {
            int from = (int) ((long) ids.size() * i / gridSize);
            int to = (int) ((long) ids.size() * (i + 1) / gridSize);
            ExecutionContext context = new ExecutionContext();
            context.putString(AFTER, from == 0 ? "" : ids.get(from - 1));
            context.putInt(COUNT, to - from);
            if (to > from) {
                context.putString(LAST, ids.get(to - 1));
            }
            partitions.put("partition" + i, context);
        }
        return partitions;
    }
}
