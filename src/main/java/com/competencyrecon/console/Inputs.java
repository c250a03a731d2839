package com.competencyrecon.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads the console's query parameters, refusing bad ones with a message that says what was expected. */
final class Inputs {

    private Inputs() {
    }

    /** A blank parameter is no filter. */
    static String optional(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static LocalDate date(String name, String text) {
        String value = optional(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a date of the form YYYY-MM-DD");
        }
    }

    static <E extends Enum<E>> E choice(String name, String text, Class<E> type) {
        String value = optional(text);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is none of " + Arrays.stream(
                    type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static int page(Integer page) {
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page " + page + " does not exist; pages start at 1");
        }
        return page == null ? 1 : page;
    }

    /** A post that changes a night must say it was meant: the form's confirmation box. */
    static void confirmed(boolean confirm, String what) {
        if (!confirm) {
            throw new IllegalArgumentException("tick the confirmation box to " + what);
        }
    }
}
