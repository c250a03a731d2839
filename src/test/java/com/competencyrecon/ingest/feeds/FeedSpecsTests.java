package com.competencyrecon.ingest.feeds;

import com.competencyrecon.catalog.Association;
import com.competencyrecon.ingest.FeedNight;
import com.competencyrecon.ingest.RejectReason;
import com.competencyrecon.ingest.RejectedRecordException;
import com.competencyrecon.ingest.csv.CsvRecord;
import com.competencyrecon.ownership.LinkRejection;
import com.competencyrecon.ownership.UserStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feed specs without a database: typed rows, keys, content comparison and reject codes. */
class FeedSpecsTests {

    static final FeedNight NIGHT = new FeedNight(LocalDate.parse("2026-11-24"),
            Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);

    @Nested
    class Users {

        UsersFeed spec = new UsersFeed(NIGHT);

        @Test
        void parsesATypedRowWithIdsStrippedAndTheInstantInUtc() {
            UsersFeed.Row row = spec.parse(record("user_id", " u1 ", "org_id", "O1", "status", "ACTIVE",
                    "changed_at", "2026-01-01T01:00:00.1234+01:00"));

            assertThat(row).isEqualTo(new UsersFeed.Row("u1", "O1", null, UserStatus.ACTIVE,
                    Instant.parse("2026-01-01T00:00:00.123Z")));
            assertThat(spec.key(row)).isEqualTo("u1");
        }

        @Test
        void aBadFieldIsReportedBeforeATooLongOne() {
            assertThatThrownBy(() -> spec.parse(record("user_id", "u".repeat(65), "org_id", "O1", "status", "GONE",
                    "changed_at", "2026-01-01T00:00:00Z")))
                    .isInstanceOfSatisfying(RejectedRecordException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectReason.BAD_ENUM));
        }
    }

    @Nested
    class Metrics {

        MetricsFeed spec = new MetricsFeed(NIGHT);

        @Test
        void aRecordWithoutAssociationIsATransactingOneAndKeyedSo() {
            CsvRecord record = record("org_id", "O1", "metric", "M", "month", "2026-10", "value", "1250");
            MetricsFeed.Row row = spec.parse(record);

            assertThat(row.association()).isEqualTo(Association.TRANSACTING);
            assertThat(spec.key(record)).isEqualTo("O1|M|2026-10|TRANSACTING").isEqualTo(spec.key(row));
        }

        @Test
        void anAssociationOfOnlySpacesIsATransactingOneAndKeyedSo() {
            // Keyed otherwise, a stored transacting figure would look new and its insert would break the key.
            CsvRecord record = record("org_id", "O1", "metric", "M", "month", "2026-10", "value", "1250",
                    "association", "  ");
            MetricsFeed.Row row = spec.parse(record);

            assertThat(row.association()).isEqualTo(Association.TRANSACTING);
            assertThat(spec.key(record)).isEqualTo("O1|M|2026-10|TRANSACTING").isEqualTo(spec.key(row));
        }

        @Test
        void theSameAmountWrittenDifferentlyIsTheSameContent() {
            MetricsFeed.Row stored = new MetricsFeed.Row("O1", "M", YearMonth.of(2026, 10), Association.DPOR,
                    new BigDecimal("1250.0000"));
            MetricsFeed.Row parsed = new MetricsFeed.Row("O1", "M", YearMonth.of(2026, 10), Association.DPOR,
                    new BigDecimal("1250"));

            assertThat(spec.sameContent(stored, parsed)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(LinkRejection.Code.class)
    void everyLinkRuleIsTheRejectCodeOfTheSameName(LinkRejection.Code code) {
        assertThat(MsaLinksFeed.reason(code).name()).isEqualTo(code.name());
    }

    private static CsvRecord record(String... columnsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new CsvRecord(2, values, null);
    }
}
