package com.competencyrecon.catalog;

/**
 * At least {@code people} distinct people each satisfying {@code holding}; when {@code ofWhom} is set, at
 * least {@code ofWhom.people()} of those same people also satisfy {@code ofWhom.holding()}.
 */
public record PeopleRequirement(int people, Expression holding, OfWhom ofWhom) implements Requirement {

    public record OfWhom(int people, Expression holding) {
    }
}
