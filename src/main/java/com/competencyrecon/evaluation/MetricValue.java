package com.competencyrecon.evaluation;

import com.competencyrecon.catalog.Association;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A monthly performance figure of an organisation. */
public record MetricValue(String metric, YearMonth month, Association association, BigDecimal value) {
}
