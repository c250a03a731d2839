package com.competencyrecon.plan;

import java.time.LocalDate;

/**
 * What a night recomputes: every organisation ({@link Mode#FULL}), or only those that can have changed since
 * the previous night ({@link Mode#INCREMENTAL}), with the others carried forward unchanged.
 *
 * @param previous    the night this one builds on, null when there is none
 * @param fingerprint what the night's results depend on besides the data: the catalogue's bytes, the zone and
 *                    the latency; a night whose fingerprint differs from the previous one's is full
 * @param reason      why the night is full, for the log (empty when incremental)
 */
public record NightPlan(LocalDate date, Mode mode, LocalDate previous, String fingerprint, String reason) {

    public enum Mode {
        FULL, INCREMENTAL
    }

    public boolean incremental() {
        return mode == Mode.INCREMENTAL;
    }
}
