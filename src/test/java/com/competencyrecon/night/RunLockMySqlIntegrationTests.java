package com.competencyrecon.night;

import com.competencyrecon.support.MySqlTestDatabase;
import com.competencyrecon.support.RequiresMySql;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One night at a time per database: the server lock of one database does not hold back another's nights. */
@RequiresMySql
class RunLockMySqlIntegrationTests {

    @Test
    void aSecondProcessOnTheSameDatabaseIsRefusedAndOneOnAnotherDatabaseIsNot() throws Exception {
        String first = MySqlTestDatabase.create("lock");
        String second = MySqlTestDatabase.create("lock");
        RunLock processA = new RunLock(dataSource(first));
        RunLock processB = new RunLock(dataSource(first));
        RunLock elsewhere = new RunLock(dataSource(second));

        Optional<AutoCloseable> held = processA.tryAcquire();
        assertThat(held).as("the first night takes the lock").isPresent();
        assertThat(processB.tryAcquire()).as("another process on the same database").isEmpty();
        Optional<AutoCloseable> other = elsewhere.tryAcquire();
        assertThat(other).as("a night of another database on the same server").isPresent();

        held.get().close();
        other.get().close();
        Optional<AutoCloseable> again = processB.tryAcquire();
        assertThat(again).as("once released, the next night takes it").isPresent();
        again.get().close();
    }

    @Test
    void aLongDatabaseNameGivesANameTheServerTakes() {
        assertThat(RunLock.name("recon")).isEqualTo("competency-recon.night.recon");
        assertThat(RunLock.name("d".repeat(64))).hasSizeLessThanOrEqualTo(64)
                .isNotEqualTo(RunLock.name("e".repeat(64)));
    }

    private static DriverManagerDataSource dataSource(String url) {
        return new DriverManagerDataSource(url, MySqlTestDatabase.user(), MySqlTestDatabase.password());
    }
}
