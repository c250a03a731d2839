package com.competencyrecon.night;

/** Why a call to start a night was refused: a reason to act on, and a message for the person who called. */
public record Refusal(Reason reason, String message) {

    public enum Reason {
        /** A parameter is missing, malformed, outside the allowed folders, or the catalogue does not load. */
        BAD_PARAMETERS,
        /** The night already completed; a completed night is not run again. */
        ALREADY_COMPLETED,
        /** A later night has run, or an earlier one has not completed. */
        OUT_OF_ORDER,
        /** Another night holds the run lock. */
        ANOTHER_RUNNING,
        /** The process is ending (SIGTERM): its running nights are being stopped and none starts. */
        SHUTTING_DOWN,
        /** The job repository would not start the run. */
        NOT_STARTED
    }

    @Override
    public String toString() {
        return message;
    }
}
