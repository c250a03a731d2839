package com.competencyrecon.ingest;

/** Thrown while parsing a record that cannot be applied; carries the reason. */
public class RejectedRecordException extends RuntimeException {

    private final RejectReason reason;

    public RejectedRecordException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
