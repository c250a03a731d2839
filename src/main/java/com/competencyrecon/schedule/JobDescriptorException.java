package com.competencyrecon.schedule;

/** A descriptor of the {@code jobs/} folder that cannot be used; the message names the file and the field. */
public class JobDescriptorException extends RuntimeException {

    public JobDescriptorException(String message) {
        super(message);
    }
}
