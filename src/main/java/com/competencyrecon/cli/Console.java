package com.competencyrecon.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the command line prints besides a command's own output: a refusal goes to the log and, prefixed with
 * the program's name, to standard error, where the person who typed the command reads it.
 */
final class Console {

    private static final Logger log = LoggerFactory.getLogger(Console.class);

    private Console() {
    }

    /** Reports a refused call; returns the exit code of a refusal. */
    static int refuse(String reason) {
        log.error("Refused: {}", reason);
        System.err.println("competency-recon: " + reason);
        return CommandLine.REFUSED;
    }
}
