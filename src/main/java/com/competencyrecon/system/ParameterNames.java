package com.competencyrecon.system;

/** The names of a night's job parameters, shared by the job, its log context and the commands that start it. */
public final class ParameterNames {

    public static final String BUSINESS_DATE = "businessDate";
    public static final String INPUT_DIR = "inputDir";
    public static final String REPORT_DIR = "reportDir";
    public static final String CATALOG = "catalog";

    private ParameterNames() {
    }
}
