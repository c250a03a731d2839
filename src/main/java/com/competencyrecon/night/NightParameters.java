package com.competencyrecon.night;

import java.nio.file.Path;
import java.time.LocalDate;

/** The parameters of one night's run, as resolved and checked before it starts. */
public record NightParameters(LocalDate businessDate, Path inputDir, Path reportDir, String catalog) {

    public static final String BUSINESS_DATE = "businessDate";
    public static final String INPUT_DIR = "inputDir";
    public static final String REPORT_DIR = "reportDir";
    public static final String CATALOG = "catalog";
}
