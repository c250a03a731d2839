package com.competencyrecon.night;

import com.competencyrecon.catalog.Market;
import com.competencyrecon.evaluation.OrgRow;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cuts of the night's organisations into partitions, and the partitions' readers: together they read every
 * organisation once, in id order, whatever the number of partitions and the page size.
 */
class OrganisationPartitionerTests {

    @Test
    void noOrganisationsGiveThatManyEmptyPartitions() throws Exception {
        Map<String, ExecutionContext> partitions = new OrganisationPartitioner(pages(List.of()), 10).partition(3);

        assertThat(partitions).containsOnlyKeys("partition0", "partition1", "partition2");
        assertThat(partitions.values()).allSatisfy(p -> {
            assertThat(p.getInt(OrganisationPartitioner.COUNT)).isZero();
            assertThat(p.containsKey(OrganisationPartitioner.LAST)).isFalse();
        });
        assertThat(readAll(List.of(), partitions, 10)).isEmpty();
    }

    @Test
    void oneOrganisationGoesToOnePartitionAndTheOthersStayEmpty() throws Exception {
        List<String> ids = List.of("O1");
        Map<String, ExecutionContext> partitions = new OrganisationPartitioner(pages(ids), 10).partition(4);

        assertThat(sizes(partitions)).containsExactly(0, 0, 0, 1);
        assertThat(partitions.get("partition3").getString(OrganisationPartitioner.LAST)).isEqualTo("O1");
        assertThat(readAll(ids, partitions, 10)).containsExactlyElementsOf(ids);
    }

    @Test
    void unevenCountsSplitIntoRangesDifferingByOneAtMost() throws Exception {
        List<String> ids = ids(10);
        Map<String, ExecutionContext> partitions = new OrganisationPartitioner(pages(ids), 3).partition(4);

        assertThat(sizes(partitions)).containsExactly(2, 3, 2, 3);
        assertThat(partitions.get("partition0").getString(OrganisationPartitioner.AFTER)).isEmpty();
        assertThat(partitions.get("partition1").getString(OrganisationPartitioner.AFTER)).isEqualTo(ids.get(1));
        assertThat(partitions.get("partition1").getString(OrganisationPartitioner.LAST)).isEqualTo(ids.get(4));
        // Pages of two organisations: a partition's reads cross pages and stop inside one.
        assertThat(readAll(ids, partitions, 2)).containsExactlyElementsOf(ids);
    }

    @Test
    void morePartitionsThanOrganisationsLeaveSomeEmpty() throws Exception {
        List<String> ids = ids(3);
        Map<String, ExecutionContext> partitions = new OrganisationPartitioner(pages(ids), 1).partition(5);

        assertThat(sizes(partitions)).containsExactly(0, 1, 0, 1, 1);
        assertThat(readAll(ids, partitions, 1)).containsExactlyElementsOf(ids);
    }

    @Test
    void idsThatJavaAndTheDatabaseOrderDifferentlyAreCutInTheDatabasesOrder() throws Exception {
        // A binary collation orders by UTF-8 bytes: U+FF21 (3 bytes) before U+1F600 (4 bytes), whereas Java's
        // compareTo, on UTF-16 units, puts the surrogate pair first. The cuts follow the pages, not compareTo.
        List<String> ids = List.of("A", "\uFF21", "\uD83D\uDE00", "z");
        Map<String, ExecutionContext> partitions = new OrganisationPartitioner(pages(ids), 10).partition(2);

        assertThat(readAll(ids, partitions, 1)).containsExactlyElementsOf(ids);
    }

    @Test
    void aPartitionRestartedAfterCommittedItemsReadsOnlyTheRestOfItsRange() throws Exception {
        List<String> ids = ids(9);
        ExecutionContext partition = new OrganisationPartitioner(pages(ids), 4).partition(3).get("partition1");
        OrganizationReader first = reader(ids, partition, 2);
        first.open(partition);
        first.read();
        first.read();
        first.update(partition);
        first.close();

        OrganizationReader restarted = reader(ids, partition, 2);
        restarted.open(partition);
        List<String> rest = new ArrayList<>();
        for (OrgRow org = restarted.read(); org != null; org = restarted.read()) {
            rest.add(org.orgId());
        }
        assertThat(rest).containsExactly(ids.get(5));
    }

    /** What every partition's reader reads, partition after partition. */
    private static List<String> readAll(List<String> ids, Map<String, ExecutionContext> partitions, int page)
            throws Exception {
        List<String> read = new ArrayList<>();
        for (ExecutionContext partition : partitions.values()) {
            OrganizationReader reader = reader(ids, partition, page);
            reader.open(new ExecutionContext());
            for (OrgRow org = reader.read(); org != null; org = reader.read()) {
                read.add(org.orgId());
            }
            reader.close();
        }
        return read;
    }

    private static OrganizationReader reader(List<String> ids, ExecutionContext partition, int page) {
        return new OrganizationReader(pages(ids), page, "reader",
                partition.getString(OrganisationPartitioner.AFTER), partition.getInt(OrganisationPartitioner.COUNT));
    }

    private static List<Integer> sizes(Map<String, ExecutionContext> partitions) {
        return partitions.values().stream().map(p -> p.getInt(OrganisationPartitioner.COUNT)).toList();
    }

    /** Keyset pages over ids in the given order (the database's): up to {@code limit} after an id. */
    private static BiFunction<String, Integer, List<OrgRow>> pages(List<String> ordered) {
        return (after, limit) -> {
            int from = after.isEmpty() ? 0 : ordered.indexOf(after) + 1;
            return ordered.subList(from, Math.min(ordered.size(), from + limit)).stream()
                    .map(id -> new OrgRow(id, "Org " + id, Market.DEVELOPED)).toList();
        };
    }

    private static List<String> ids(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("O%02d", i)).toList();
    }
}
