package com.competencyrecon.reports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The night's workbook: one sheet per CSV report, filled row by row as the CSVs are written. Streaming
 * (SXSSF): only a small window of rows per sheet stays in memory, the rest goes to compressed temporary files,
 * so memory does not grow with the programme. Dates are date cells, numbers numeric cells, booleans boolean
 * cells; every other value is a text cell, so a value that looks like a formula is kept as text and never run.
 */
public final class NightWorkbook implements AutoCloseable {

    /** The most rows Excel shows in a sheet; a longer report continues in a sheet named "name (2)". */
    static final int MAX_ROWS = 1_048_576;
    private static final int ROWS_IN_MEMORY = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    /**
     * The workbook's default style, set on every cell without one of its own: a cell with none makes the writer
     * look its column's style up in the sheet's XML, which was most of the time a report's rows took. Style 0
     * is written as no style, so the file is the same.
     */
    private final CellStyle plainStyle;
    private final CellStyle dateStyle;
    private final CellStyle headerStyle;
    private final List<Table> tables = new ArrayList<>();
    private final int maxRows;

    public NightWorkbook() {
        this(MAX_ROWS);
    }

    NightWorkbook(int maxRows) {
        this.maxRows = maxRows;
        workbook.setCompressTempFiles(true);
        plainStyle = workbook.getCellStyleAt(0);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
    }

    /** A new sheet for a report named {@code name} with the given header row. */
    public Table table(String name, List<String> header) {
        Table table = new Table(name, header);
        tables.add(table);
        return table;
    }

    /** Writes the workbook to {@code file}, with each sheet's autofilter over the rows it holds. */
    public void write(Path file) {
        tables.forEach(Table::finish);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Releases the temporary files. */
    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheets of one report: rows go to the current sheet until it is full. */
    public final class Table {

        private final String name;
        private final List<String> header;
        private final List<SXSSFSheet> sheets = new ArrayList<>();
        private int nextRow;

        private Table(String name, List<String> header) {
            this.name = name;
            this.header = List.copyOf(header);
            newSheet();
        }

        public void row(List<?> cells) {
            if (nextRow == maxRows) {
                newSheet();
            }
            Row row = current().createRow(nextRow++);
            for (int i = 0; i < cells.size(); i++) {
                Object value = cells.get(i);
                if (value == null || "".equals(value)) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof LocalDate date) {
                    cell.setCellValue(date);
                    cell.setCellStyle(dateStyle);
                } else {
                    cell.setCellStyle(plainStyle);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof Boolean bool) {
                        cell.setCellValue(bool);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
        }

        private SXSSFSheet current() {
            return sheets.get(sheets.size() - 1);
        }

        private void newSheet() {
            finish();
            SXSSFSheet sheet = workbook.createSheet(sheets.isEmpty() ? name : name + " (" + (sheets.size() + 1) + ")");
            Row row = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, Math.min(60, Math.max(12, header.get(i).length() + 4)) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheets.add(sheet);
            nextRow = 1;
        }

        /** Sets the current sheet's autofilter over its header and rows (the range is known only at the end). */
        private void finish() {
            if (!sheets.isEmpty()) {
                current().setAutoFilter(new CellRangeAddress(0, nextRow - 1, 0, header.size() - 1));
            }
        }
    }
}
