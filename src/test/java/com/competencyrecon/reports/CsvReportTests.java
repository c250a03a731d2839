package com.competencyrecon.reports;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FORMATS.md's rules for every report CSV: UTF-8, LF, RFC 4180 quoting, formula-safe text cells. */
class CsvReportTests {

    @TempDir
    Path dir;

    private String write(List<?>... rows) throws IOException {
        Path file = dir.resolve("r.csv");
        try (CsvReport csv = CsvReport.create(file, List.of("name", "line", "note"), Set.of("line"))) {
            for (List<?> row : rows) {
                csv.row(row);
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Nested
    class Layout {

        @Test
        void anEmptyReportHoldsOnlyItsHeader() throws IOException {
            assertThat(write()).isEqualTo("name,line,note\n");
        }

        @Test
        void linesEndWithLfAndEmptyCellsStayEmpty() throws IOException {
            assertThat(write(List.of("a", 1, ""), java.util.Arrays.asList("b", 2, null)))
                    .isEqualTo("name,line,note\na,1,\nb,2,\n");
        }

        @Test
        void textIsUtf8() throws IOException {
            assertThat(write(List.of("Kraków Łódź", 1, "ü"))).contains("Kraków Łódź,1,ü");
        }

        @Test
        void aRowOfTheWrongWidthIsRefused() {
            assertThatThrownBy(() -> write(List.of("a", 1))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Quoting {

        @Test
        void aCommaQuotesTheCell() throws IOException {
            assertThat(write(List.of("Contoso, Ltd", 1, ""))).contains("\"Contoso, Ltd\",1,");
        }

        @Test
        void quotesAreDoubled() throws IOException {
            assertThat(write(List.of("the \"best\" partner", 1, ""))).contains("\"the \"\"best\"\" partner\",1,");
        }

        @Test
        void aLineBreakQuotesTheCell() throws IOException {
            assertThat(write(List.of("two\nlines", 1, ""))).contains("\"two\nlines\",1,");
        }
    }

    @Nested
    class Formulas {

        @Test
        void cellsThatASpreadsheetWouldRunArePrefixed() throws IOException {
            assertThat(write(List.of("=HYPERLINK(\"x\")", 1, "+1"), List.of("-2", 2, "@SUM(A1)"),
                    List.of("\tx", 3, "\rcr")))
                    .contains("\"'=HYPERLINK(\"\"x\"\")\",1,'+1\n")
                    .contains("'-2,2,'@SUM(A1)\n")
                    .contains("'\tx,3,\"'\rcr\"\n");
        }

        @Test
        void numericColumnsAreWrittenAsNumbers() throws IOException {
            assertThat(write(List.of("a", -11, "b"))).contains("a,-11,b\n");
        }

        @Test
        void theHeaderIsWrittenAsItIs() throws IOException {
            assertThat(write()).startsWith("name,line,note");
        }
    }
}
