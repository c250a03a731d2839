package com.competencyrecon.support;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a report's lines as rows by column name. */
public final class Reports {

    private Reports() {
    }

    public static List<Map<String, String>> rows(List<String> lines) {
        try (CSVReader reader = new CSVReader(new StringReader(String.join("\n", lines)))) {
            List<String[]> all = reader.readAll();
            String[] header = all.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String[] cells : all.subList(1, all.size())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException | CsvException e) {
            throw new IllegalStateException(e);
        }
    }
}
