package com.competencyrecon.catalog;

/** One requirement of a path: skill-based ({@link PeopleRequirement}) or performance-based ({@link MetricRequirement}). */
public sealed interface Requirement permits PeopleRequirement, MetricRequirement {
}
