package com.competencyrecon.cli;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain {@code name=value} arguments of a night or a command. A name the call does not take is refused,
 * naming the nearest one it takes: a mistyped {@code catalogue=} must not run the night with another catalogue.
 */
final class Arguments {

    private Arguments() {
    }

    /** The arguments by name. @throws IllegalArgumentException for an unknown name or a malformed argument */
    static Map<String, String> parse(List<String> args, List<String> known, String what) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + arg + "' is not a name=value parameter; " + what + " takes "
                        + String.join(", ", known));
            }
            String name = arg.substring(0, eq).strip();
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'" + nearest(name, known)
                        .map(n -> " (did you mean '" + n + "'?)").orElse("") + "; " + what + " takes "
                        + String.join(", ", known));
            }
            parameters.put(name, arg.substring(eq + 1));
        }
        return parameters;
    }

    /** The known name closest to {@code name}, when it is close enough to be a slip of the keyboard. */
    static java.util.Optional<String> nearest(String name, List<String> known) {
        return known.stream().min(Comparator.comparingInt(k -> distance(name.toLowerCase(), k.toLowerCase())))
                .filter(k -> distance(name.toLowerCase(), k.toLowerCase()) <= Math.max(2, k.length() / 3));
    }

    /** The edit distance (insertions, deletions, substitutions) between two names. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
