package com.competencyrecon.alerts;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * A condition that holds tonight, under its key (organisation, type, competency, level, membership term; empty
 * strings where a part does not apply), with its causes and a message for the partner.
 */
public record AlertCondition(String orgId, AlertType type, String competency, String level, String termId,
                             List<String> causes, String message) {

    public AlertCondition {
        causes = List.copyOf(causes);
    }

    public String key() {
        return String.join("|", orgId, type.name(), competency, level, termId);
    }

    /** A stable id: the night it opened and a digest of its key, so ids sort by age and never collide in practice. */
    public String alertId(LocalDate openedOn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "A" + openedOn.toString().replace("-", "") + "-" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
