package com.competencyrecon.notify;

import java.time.LocalDate;

/**
 * What a notification says about a night: which night and run, how it ended and why, and how many alerts it
 * raised.
 *
 * @param event           {@code NIGHT_FAILED}, {@code NIGHT_COMPLETED_WITH_ALERTS} or {@code SCHEDULED_NIGHT_REFUSED}
 * @param runId           the run's execution id; null for a refused night, which records no run
 * @param status          the run's status ({@code FAILED}, {@code COMPLETED} ...), or {@code REFUSED}
 * @param exitDescription why it ended so: the failure's message, or the refusal's
 * @param alertsRaised    the alerts the night raised (new that night)
 */
public record NightNotice(Event event, LocalDate businessDate, Long runId, String status, String exitDescription,
                          int alertsRaised) {

    /** Why a notice is sent. */
    public enum Event {
        NIGHT_FAILED, NIGHT_COMPLETED_WITH_ALERTS, SCHEDULED_NIGHT_REFUSED
    }

    /**
     * The notice of a night that ended, or null when it deserves none: a night that completed without raising an
     * alert is what every night should be, and a night an operator stopped is known to the one who stopped it.
     */
    public static NightNotice ended(LocalDate businessDate, long runId, String status, String exitDescription,
                                    int alertsRaised) {
        if ("COMPLETED".equals(status)) {
            return alertsRaised == 0 ? null : new NightNotice(Event.NIGHT_COMPLETED_WITH_ALERTS, businessDate, runId,
                    status, exitDescription, alertsRaised);
        }
        if ("STOPPED".equals(status)) {
            return null;
        }
        return new NightNotice(Event.NIGHT_FAILED, businessDate, runId, status, exitDescription, alertsRaised);
    }

    /** The notice of a scheduled night that was refused: nobody is there to read the refusal otherwise. */
    public static NightNotice refused(LocalDate businessDate, String reason) {
        return new NightNotice(Event.SCHEDULED_NIGHT_REFUSED, businessDate, null, "REFUSED", reason, 0);
    }

    /** A one-line summary, as a mail's subject. */
    public String subject() {
        return switch (event) {
            case NIGHT_FAILED -> "competency-recon: the night " + businessDate + " ended " + status;
            case NIGHT_COMPLETED_WITH_ALERTS -> "competency-recon: the night " + businessDate + " raised "
                    + alertsRaised + (alertsRaised == 1 ? " alert" : " alerts");
            case SCHEDULED_NIGHT_REFUSED -> "competency-recon: the scheduled night " + businessDate + " was refused";
        };
    }

    /** The notice as plain text, as a mail's body. */
    public String text() {
        return subject() + "\n\nbusiness date: " + businessDate + "\nrun: " + (runId == null ? "-" : runId)
                + "\nstatus: " + status + "\nexit description: " + (exitDescription == null || exitDescription.isBlank()
                ? "-" : exitDescription) + "\nalerts raised: " + alertsRaised + "\n";
    }
}
