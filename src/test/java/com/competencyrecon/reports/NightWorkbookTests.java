package com.competencyrecon.reports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The night's workbook: a sheet per report, typed cells, formula-looking text kept as text, frozen header, filter. */
class NightWorkbookTests {

    static final List<String> HEADER = List.of("name", "line", "on", "eligible");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    private XSSFWorkbook writeAndRead(NightWorkbook workbook, List<List<?>> rows) throws IOException {
        try (workbook; ReportTable table = ReportTable.create(dir, "r.csv", HEADER, Set.of("line"), workbook)) {
            rows.forEach(table::row);
            workbook.write(dir.resolve("night.xlsx"));
        }
        return new XSSFWorkbook(Files.newInputStream(dir.resolve("night.xlsx")));
    }

    @Test
    void cellsAreTypedAndFormulaLookingTextStaysText() throws IOException {
        List<String> hostile = List.of("=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(A1:A2)", "\tx");
        List<List<?>> rows = hostile.stream().<List<?>>map(text -> List.of(text, 3L, DAY, true)).toList();
        try (XSSFWorkbook read = writeAndRead(new NightWorkbook(), rows)) {
            XSSFSheet sheet = read.getSheet("r");
            for (int i = 0; i < hostile.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getCellType()).as(hostile.get(i)).isEqualTo(CellType.STRING);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(hostile.get(i));
                assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(3.0);
                Cell date = row.getCell(2);
                assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
                assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
                assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(DAY);
                assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.BOOLEAN);
            }
            // No cell of the workbook is a formula.
            sheet.forEach(r -> r.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA)));
        }
        // The CSV written beside it neutralises the same text.
        assertThat(Files.readString(dir.resolve("r.csv"))).contains("\n'=cmd|' /C calc'!A0,3,2026-11-24,true\n");
    }

    @Test
    void theHeaderIsFrozenAndTheFilterCoversTheRows() throws IOException {
        try (XSSFWorkbook read = writeAndRead(new NightWorkbook(), List.of(List.of("a", 1, DAY, false),
                Arrays.asList("b", 2, null, false)))) {
            XSSFSheet sheet = read.getSheet("r");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("name");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D3");
            assertThat(sheet.getRow(2).getCell(2)).as("an empty value is a blank cell").isNull();
        }
    }

    @Test
    void aReportLongerThanASheetContinuesInTheNextWithItsHeader() throws IOException {
        List<List<?>> rows = List.of(List.of("a", 1, DAY, true), List.of("b", 2, DAY, true),
                List.of("c", 3, DAY, true), List.of("d", 4, DAY, true), List.of("e", 5, DAY, true));
        try (XSSFWorkbook read = writeAndRead(new NightWorkbook(3), rows)) {
            assertThat(read.getNumberOfSheets()).isEqualTo(3);
            assertThat(read.getSheetName(1)).isEqualTo("r (2)");
            XSSFSheet last = read.getSheet("r (3)");
            assertThat(last.getRow(0).getCell(0).getStringCellValue()).isEqualTo("name");
            assertThat(last.getRow(1).getCell(0).getStringCellValue()).isEqualTo("e");
            assertThat(last.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D2");
            assertThat(read.getSheet("r").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:D3");
        }
    }
}
