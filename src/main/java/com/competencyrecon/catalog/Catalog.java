package com.competencyrecon.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The competency catalogue: credentials by code and competencies in catalogue order.
 * {@code maxCompetenciesPerPerson} is null when the catalogue sets no limit.
 */
public record Catalog(int version, Map<String, Credential> credentials, List<Competency> competencies,
                      Integer maxCompetenciesPerPerson) {

    public Catalog {
        credentials = Map.copyOf(credentials);
        competencies = List.copyOf(competencies);
    }

    public Optional<Credential> credential(String code) {
        return Optional.ofNullable(credentials.get(code));
    }

    public Optional<Competency> competency(String code) {
        return competencies.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
