package com.competencyrecon.evaluation;

/** A person who counts for an organisation: an MSA effectively linked to one of its active user accounts. */
public record Person(String msaId, String userId) {
}
