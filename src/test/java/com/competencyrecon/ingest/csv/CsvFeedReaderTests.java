package com.competencyrecon.ingest.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import com.competencyrecon.ingest.internal.CsvFeedReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CsvFeedReaderTests {

    private static final List<String> USER_COLUMNS = List.of("user_id", "org_id", "email", "status", "changed_at");
    private static final Set<String> REQUIRED_USER_COLUMNS = Set.of("user_id", "org_id", "status", "changed_at");
    private static final String HEADER = "user_id,org_id,email,status,changed_at\n";

    @TempDir
    Path dir;

    @Nested
    class Encoding {

        @Test
        void dropsTheByteOrderMarkBeforeTheFirstColumnName() throws IOException {
            List<CsvRecord> records = readAll(users("\uFEFF" + HEADER + "u1,o1,a@example.com,ACTIVE,2026-11-23T10:15:00Z\n"));

            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.isMalformed()).isFalse();
                assertThat(record.get("user_id")).isEqualTo("u1");
            });
        }

        @Test
        void readsCrlfLineEndingsWithoutKeepingTheCarriageReturn() throws IOException {
            List<CsvRecord> records = readAll(users(
                    HEADER.replace("\n", "\r\n") + "u1,o1,,ACTIVE,2026-11-23T10:15:00Z\r\nu2,o1,,DELETED,2026-11-24T10:15:00Z\r\n"));

            assertThat(records).extracting(CsvRecord::line, r -> r.get("user_id"), r -> r.get("changed_at"))
                    .containsExactly(tuple(2L, "u1", "2026-11-23T10:15:00Z"), tuple(3L, "u2", "2026-11-24T10:15:00Z"));
        }

        @Test
        void rejectsARecordWhoseBytesAreNotUtf8() throws IOException {
            Path file = dir.resolve("users.csv");
            Files.write(file, concat(HEADER.getBytes(StandardCharsets.UTF_8),
                    "u1,o1,ren".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9},
                    "@example.com,ACTIVE,2026-11-23T10:15:00Z\nu2,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                            .getBytes(StandardCharsets.UTF_8)));

            List<CsvRecord> records = readAll(file);

            assertThat(records).extracting(CsvRecord::line, CsvRecord::malformed)
                    .containsExactly(tuple(2L, "not valid UTF-8 (is the file saved in another encoding?)"), tuple(3L, null));
        }
    }

    @Nested
    class Quoting {

        @Test
        void keepsALineBreakInsideAQuotedFieldAndCountsLinesFromWhereEachRecordStarts() throws IOException {
            List<CsvRecord> records = readAll(users(HEADER
                    + "u1,o1,\"first\nsecond\",ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u2,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u3,o1,\"one\r\ntwo\r\nthree\",ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u4,o1,,ACTIVE,2026-11-23T10:15:00Z\n"));

            assertThat(records).extracting(CsvRecord::line, r -> r.get("user_id"), r -> r.get("email"))
                    .containsExactly(
                            tuple(2L, "u1", "first\nsecond"),
                            tuple(4L, "u2", null),
                            tuple(5L, "u3", "one\ntwo\nthree"),
                            tuple(8L, "u4", null));
        }

        @Test
        void readsDoubledQuotesInsideAQuotedFieldAsOneQuote() throws IOException {
            List<CsvRecord> records = readAll(users(HEADER + "u1,o1,\"a \"\"quoted\"\" word\",ACTIVE,2026-11-23T10:15:00Z\n"));

            assertThat(records).singleElement().extracting(r -> r.get("email")).isEqualTo("a \"quoted\" word");
        }

        @Test
        void keepsACommaInsideAQuotedFieldInThatField() throws IOException {
            List<CsvRecord> records = readAll(users(HEADER + "u1,o1,\"Doe, Jane\",ACTIVE,2026-11-23T10:15:00Z\n"));

            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.isMalformed()).isFalse();
                assertThat(record.get("email")).isEqualTo("Doe, Jane");
                assertThat(record.get("status")).isEqualTo("ACTIVE");
            });
        }

        @Test
        void reportsAQuoteNeverClosedOnItsLineAndReadsTheLinesAfterItAgain() throws IOException {
            List<CsvRecord> records = readAll(users(HEADER
                    + "u1,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u2,o1,\"broken@example.com,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u3,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u4,o1,,ACTIVE,2026-11-23T10:15:00Z\n"));

            assertThat(records).extracting(CsvRecord::line, r -> r.get("user_id"), CsvRecord::malformed)
                    .containsExactly(
                            tuple(2L, "u1", null),
                            tuple(3L, null, "unterminated quoted field (no closing quote before the end of the file)"),
                            tuple(4L, "u3", null),
                            tuple(5L, "u4", null));
        }

        @Test
        void reportsAQuoteThatClosesLinesLaterWithTheWrongFieldCountAndReadsTheLinesBetweenAgain() throws IOException {
            List<CsvRecord> records = readAll(users(HEADER
                    + "u1,o1,\"broken@example.com,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u2,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u3,o1,oops\",ACTIVE\n"
                    + "u4,o1,,ACTIVE,2026-11-23T10:15:00Z\n"));

            assertThat(records).extracting(CsvRecord::line, r -> r.get("user_id"), CsvRecord::isMalformed)
                    .containsExactly(tuple(2L, null, true), tuple(3L, "u2", false), tuple(4L, "u3", true), tuple(5L, "u4", false));
            assertThat(records.get(0).malformed()).startsWith("expected 5 fields, found 4 in a record spanning lines 2-4");
        }

        @Test
        void givesUpOnAQuotedFieldLongerThanTheLineLimitAndReadsOn() throws IOException {
            StringBuilder text = new StringBuilder(HEADER).append("u0,o1,\"never closed,ACTIVE,2026-11-23T10:15:00Z\n");
            for (int i = 1; i <= CsvFeedFile.MAX_LINES_PER_RECORD + 50; i++) {
                text.append("u").append(i).append(",o1,,ACTIVE,2026-11-23T10:15:00Z\n");
            }

            List<CsvRecord> records = readAll(users(text.toString()));

            assertThat(records).hasSize(CsvFeedFile.MAX_LINES_PER_RECORD + 51);
            assertThat(records.get(0)).extracting(CsvRecord::line, CsvRecord::malformed)
                    .containsExactly(2L, "unterminated quoted field (no closing quote within 100 lines)");
            assertThat(records.subList(1, records.size())).noneMatch(CsvRecord::isMalformed);
            assertThat(records.get(records.size() - 1)).extracting(CsvRecord::line, r -> r.get("user_id"))
                    .containsExactly(152L, "u150");
        }
    }

    @Nested
    class Header {

        private ListAppender<ILoggingEvent> logged;

        @BeforeEach
        void captureLog() {
            logged = new ListAppender<>();
            logged.start();
            readerLogger().addAppender(logged);
        }

        @AfterEach
        void releaseLog() {
            readerLogger().detachAppender(logged);
        }

        @Test
        void matchesColumnsByNameInAnyOrder() throws IOException {
            List<CsvRecord> records = readAll(users(
                    "changed_at, status ,user_id,org_id\n2026-11-23T10:15:00Z,ACTIVE,u1,o1\n"));

            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.get("user_id")).isEqualTo("u1");
                assertThat(record.get("org_id")).isEqualTo("o1");
                assertThat(record.get("status")).isEqualTo("ACTIVE");
                assertThat(record.get("changed_at")).isEqualTo("2026-11-23T10:15:00Z");
                assertThat(record.values()).containsOnlyKeys("user_id", "org_id", "status", "changed_at");
            });
        }

        @Test
        void ignoresAnUnknownColumnWithOneWarningNamingIt() throws IOException {
            List<CsvRecord> records = readAll(users(
                    "user_id,org_id,nickname,status,changed_at\n"
                            + "u1,o1,Jo,ACTIVE,2026-11-23T10:15:00Z\nu2,o1,Al,ACTIVE,2026-11-23T10:15:00Z\n"));

            assertThat(records).hasSize(2).allSatisfy(record -> {
                assertThat(record.isMalformed()).isFalse();
                assertThat(record.values()).doesNotContainKey("nickname");
            });
            assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN)
                    .singleElement().extracting(ILoggingEvent::getFormattedMessage)
                    .isEqualTo("users.csv: ignoring unknown column(s) 'nickname'");
        }

        @Test
        void namesAtMostTwentyUnknownColumnsAndCountsTheRest() throws IOException {
            StringBuilder header = new StringBuilder("user_id,org_id,status,changed_at");
            for (int i = 1; i <= 9_996; i++) {
                header.append(",extra_").append(i);
            }
            readAll(users(header + "\n"));

            assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN)
                    .singleElement().extracting(ILoggingEvent::getFormattedMessage)
                    .satisfies(m -> assertThat(m).startsWith("users.csv: ignoring unknown column(s) 'extra_1', 'extra_2'")
                            .endsWith("'extra_20' and 9976 more"));
        }

        @Test
        void aHeaderCheckReadsTheHeaderAndLogsNothing() throws IOException {
            Path file = users("user_id,org_id,nickname,status,changed_at\nu1,o1,Jo,ACTIVE,2026-11-23T10:15:00Z\n");

            new CsvFeedFile(file, List.of("user_id", "org_id", "email", "status", "changed_at"),
                    java.util.Set.of("user_id", "org_id", "status", "changed_at")).checkHeader();

            assertThat(logged.list).isEmpty();
            assertThatThrownBy(() -> new CsvFeedFile(users("user_id;org_id\n"), List.of("user_id", "org_id"),
                    java.util.Set.of("user_id", "org_id")).checkHeader()).isInstanceOf(FeedFormatException.class)
                    .hasMessage("users.csv: header lacks required column(s) user_id, org_id (the header is one field:"
                            + " is the file separated by ';' rather than commas?)");
        }

        @Test
        void refusesAHeaderLackingARequiredColumnNamingTheFileAndTheColumns() throws IOException {
            CsvFeedReader<CsvRecord> reader = reader(users("user_id,org_id,email\nu1,o1,a@example.com\n"));

            assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                    .isInstanceOf(FeedFormatException.class)
                    .hasMessage("users.csv: header lacks required column(s) status, changed_at");
        }

        @Test
        void refusesAHeaderThatRepeatsAKnownColumn() throws IOException {
            CsvFeedReader<CsvRecord> reader = reader(users("user_id,org_id,status,changed_at,status\n"));

            assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                    .isInstanceOf(FeedFormatException.class)
                    .hasMessage("users.csv: header repeats column(s) status");
        }

        private Logger readerLogger() {
            return (Logger) LoggerFactory.getLogger(CsvFeedFile.class);
        }
    }

    @Nested
    class Records {

        @Test
        void reportsARecordWithTheWrongFieldCountAndReadsTheNextOnes() throws IOException {
            List<CsvRecord> records = readAll(users(HEADER
                    + "u1,o1,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u2,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u3,o1,,ACTIVE,2026-11-23T10:15:00Z,extra\n"));

            assertThat(records).extracting(CsvRecord::line, r -> r.get("user_id"), CsvRecord::malformed)
                    .containsExactly(
                            tuple(2L, "u1", "expected 5 fields, found 4"),
                            tuple(3L, "u2", null),
                            tuple(4L, "u3", "expected 5 fields, found 6"));
        }

        @Test
        void treatsAnEmptyFieldAsAbsent() throws IOException {
            List<CsvRecord> records = readAll(users(HEADER + "u1,o1,,ACTIVE,2026-11-23T10:15:00Z\n"));

            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.get("email")).isNull();
                assertThat(record.values()).containsEntry("email", "");
            });
        }

        @Test
        void keepsFieldsAsDeliveredWithoutTrimming() throws IOException {
            List<CsvRecord> records = readAll(users(HEADER + "u1,o1, a@example.com ,ACTIVE,2026-11-23T10:15:00Z\n"));

            assertThat(records).singleElement().extracting(r -> r.get("email")).isEqualTo(" a@example.com ");
        }

        @Test
        void skipsBlankLinesButKeepsCountingThem() throws IOException {
            List<CsvRecord> records = readAll(users(HEADER
                    + "\nu1,o1,,ACTIVE,2026-11-23T10:15:00Z\n\n   \nu2,o1,,ACTIVE,2026-11-23T10:15:00Z\n\n"));

            assertThat(records).extracting(CsvRecord::line, r -> r.get("user_id"))
                    .containsExactly(tuple(3L, "u1"), tuple(6L, "u2"));
        }
    }

    @Nested
    class NothingToRead {

        @Test
        void readsNoRecordsFromAnEmptyFile() throws IOException {
            assertThat(readAll(users(""))).isEmpty();
        }

        @Test
        void readsNoRecordsFromAFileWithOnlyTheHeader() throws IOException {
            assertThat(readAll(users(HEADER))).isEmpty();
        }

        @Test
        void readsNoRecordsWhenTheFileIsMissing() {
            assertThat(readAll(dir.resolve("users.csv"))).isEmpty();
        }
    }

    @Nested
    class Restart {

        @Test
        void resumesAtTheRecordAfterTheLastOneSavedWithItsLineNumber() throws Exception {
            Path file = users(HEADER
                    + "u1,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u2,o1,\"two\nlines\",ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u3,o1,,ACTIVE\n"
                    + "u4,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u5,o1,,ACTIVE,2026-11-23T10:15:00Z\n");
            ExecutionContext context = new ExecutionContext();
            CsvFeedReader<CsvRecord> failedRun = reader(file);
            failedRun.open(context);
            for (int i = 0; i < 3; i++) {
                failedRun.read();
            }
            failedRun.update(context);
            failedRun.close();

            CsvFeedReader<CsvRecord> restart = reader(file);
            restart.open(context);
            CsvRecord next = restart.read();
            restart.close();

            assertThat(context.getInt("users.read.count")).isEqualTo(3);
            assertThat(next).extracting(CsvRecord::line, r -> r.get("user_id")).containsExactly(6L, "u4");
        }
    }

    @Nested
    class ReadingAhead {

        @Test
        void savesForARestartTheItemsTheStepTookNotTheOnesPreparedAhead() throws Exception {
            Path file = users(HEADER
                    + "u1,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u2,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u3,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u4,o1,,ACTIVE,2026-11-23T10:15:00Z\n"
                    + "u5,o1,,ACTIVE,2026-11-23T10:15:00Z\n");
            ExecutionContext context = new ExecutionContext();
            CsvFeedReader<CsvRecord> failedRun = readingAhead(file);
            failedRun.open(context);
            failedRun.read();
            failedRun.read();
            Thread.sleep(50); // let the thread fill its queue
            failedRun.update(context);
            failedRun.close();

            CsvFeedReader<CsvRecord> restart = readingAhead(file);
            restart.open(context);
            List<String> rest = new ArrayList<>();
            for (CsvRecord record = restart.read(); record != null; record = restart.read()) {
                rest.add(record.get("user_id"));
            }
            restart.close();

            assertThat(context.getInt("users.read.count")).isEqualTo(2);
            assertThat(rest).containsExactly("u3", "u4", "u5");
        }

        @Test
        void handsTheStepWhatConvertingARecordThrew() throws Exception {
            Path file = users(HEADER + "u1,o1,,ACTIVE,2026-11-23T10:15:00Z\nu2,o1,,ACTIVE,2026-11-23T10:15:00Z\n");
            CsvFeedReader<String> reader = new CsvFeedReader<>(file, "users", USER_COLUMNS, REQUIRED_USER_COLUMNS,
                    r -> {
                        if (r.get("user_id").equals("u2")) {
                            throw new IllegalStateException("cannot convert u2");
                        }
                        return r.get("user_id");
                    }, 4);
            reader.open(new ExecutionContext());

            assertThat(reader.read()).isEqualTo("u1");
            assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class).hasMessage("cannot convert u2");
            reader.close();
        }

        @Test
        void readsAllRecordsInOrderAndClosesEarlyWithoutWaitingForTheRest() throws Exception {
            StringBuilder content = new StringBuilder(HEADER);
            for (int i = 1; i <= 5_000; i++) {
                content.append("u").append(i).append(",o1,,ACTIVE,2026-11-23T10:15:00Z\n");
            }
            Path file = users(content.toString());
            CsvFeedReader<CsvRecord> all = readingAhead(file);
            all.open(new ExecutionContext());
            long expectedLine = 2;
            for (CsvRecord record = all.read(); record != null; record = all.read()) {
                assertThat(record.line()).isEqualTo(expectedLine++);
            }
            all.close();
            CsvFeedReader<CsvRecord> early = readingAhead(file);
            early.open(new ExecutionContext());
            early.read();
            early.close();

            assertThat(expectedLine).isEqualTo(5_002);
        }
    }

    @Nested
    class LargeFile {

        @Test
        void streamsThroughTwoHundredThousandRecords() throws Exception {
            int rows = 200_000;
            Path file = dir.resolve("users.csv");
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                out.write(HEADER);
                for (int i = 1; i <= rows; i++) {
                    out.write("u" + i + ",o" + (i % 500) + ",\"user " + i + "@example.com\",ACTIVE,2026-11-23T10:15:00Z\n");
                }
            }
            CsvFeedReader<CsvRecord> reader = reader(file);
            reader.open(new ExecutionContext());
            long count = 0;
            CsvRecord last = null;
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                assertThat(record.isMalformed()).isFalse();
                last = record;
                count++;
            }
            reader.close();

            assertThat(count).isEqualTo(rows);
            assertThat(last).extracting(CsvRecord::line, r -> r.get("user_id")).containsExactly(rows + 1L, "u" + rows);
        }
    }

    private Path users(String content) throws IOException {
        return Files.writeString(dir.resolve("users.csv"), content, StandardCharsets.UTF_8);
    }

    private static CsvFeedReader<CsvRecord> reader(Path file) {
        return CsvFeedReader.records(file, "users", USER_COLUMNS, REQUIRED_USER_COLUMNS);
    }

    /** As the step reads: a thread of the reader's own prepares a few records ahead. */
    private static CsvFeedReader<CsvRecord> readingAhead(Path file) {
        return new CsvFeedReader<>(file, "users", USER_COLUMNS, REQUIRED_USER_COLUMNS, r -> r, 2);
    }

    private static List<CsvRecord> readAll(Path file) {
        CsvFeedReader<CsvRecord> reader = reader(file);
        reader.open(new ExecutionContext());
        try {
            List<CsvRecord> records = new ArrayList<>();
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
            }
            return records;
        }
        catch (Exception ex) {
            throw new AssertionError(ex);
        }
        finally {
            reader.close();
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
