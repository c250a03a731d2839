package com.competencyrecon.night;

import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The sample nights with one, two and four partitions on MySQL/MariaDB through Connector/J, each count on a
 * database of its own: the partitions write side by side (read committed, no gap locks between their ranges)
 * and the reports are the committed ones, byte for byte.
 */
@RequiresMySql
@ActiveProfiles("mysql")
@SpringBootTest(properties = {"recon.roots=/", "recon.chunk-size=2"})
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class PartitionedNightMySqlIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.register(registry, "partitioned");
    }

    @Nested
    @Order(1)
    @TestPropertySource(properties = "recon.partitions=1")
    class OnePartition extends PartitionedNightTests.SampleNights {
        @Override
        int partitions() {
            return 1;
        }
    }

    @Nested
    @Order(2)
    @TestPropertySource(properties = "recon.partitions=2")
    class TwoPartitions extends PartitionedNightTests.SampleNights {
        @Override
        int partitions() {
            return 2;
        }
    }

    @Nested
    @Order(3)
    @TestPropertySource(properties = "recon.partitions=4")
    class FourPartitions extends PartitionedNightTests.SampleNights {
        @Override
        int partitions() {
            return 4;
        }
    }
}
