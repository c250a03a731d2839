package com.competencyrecon.night;

import com.competencyrecon.system.ParameterNames;

import java.nio.file.Path;
import java.time.LocalDate;

/** The parameters of one night's run, as resolved and checked before it starts. */
public record NightParameters(LocalDate businessDate, Path inputDir, Path reportDir, String catalog) {

    public static final String BUSINESS_DATE = ParameterNames.BUSINESS_DATE;
    public static final String INPUT_DIR = ParameterNames.INPUT_DIR;
    public static final String REPORT_DIR = ParameterNames.REPORT_DIR;
    public static final String CATALOG = ParameterNames.CATALOG;
}
