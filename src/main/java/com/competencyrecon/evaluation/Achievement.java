package com.competencyrecon.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/** One credential earned by an MSA. {@code expiresOn} is null when it does not expire. */
public record Achievement(String recordId, String msaId, String credential, Instant earnedAt, LocalDate expiresOn,
                          AchievementStatus status) {
}
