package com.competencyrecon.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** One report written twice from the same typed rows: as its CSV file and as its sheet of the night's workbook. */
final class ReportTable implements AutoCloseable {

    private final CsvReport csv;
    private final NightWorkbook.Table sheet;

    private ReportTable(CsvReport csv, NightWorkbook.Table sheet) {
        this.csv = csv;
        this.sheet = sheet;
    }

    /** {@code file}'s name without {@code .csv} names the sheet. */
    static ReportTable create(Path dir, String file, List<String> header, Set<String> numericColumns,
                              NightWorkbook workbook) {
        CsvReport csv = CsvReport.create(dir.resolve(file), header, numericColumns);
        return new ReportTable(csv, workbook.table(file.replace(".csv", ""), header));
    }

    void row(List<?> cells) {
        csv.row(cells);
        sheet.row(cells);
    }

    @Override
    public void close() {
        csv.close();
    }
}
