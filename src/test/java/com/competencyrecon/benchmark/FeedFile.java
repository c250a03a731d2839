package com.competencyrecon.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One feed file being written, row by row (RFC 4180 quoting, LF). After a good row it may add a bad row made
 * from it, of one of the feed's {@link Fault kinds} or a repeated key with other content, at about
 * {@code share} of the rows and at most {@code maxPerKind} of each, so a feed stays under the night's reject
 * limit at every size. Every bad row is recorded with its line and the reason the product should give.
 */
public final class FeedFile implements AutoCloseable {

    /** A way to spoil a row: the column and what it gets instead (null = empty), and the reason that follows. */
    record Fault(String reason, int column, String value) {
    }

    /**
     * What a feed's bad rows look like: the key column that gets a fresh value (-1 when the key is composite
     * and a fault changes it anyway), the faults, and the column a repeated key changes.
     */
    record Shape(String header, int freshKey, List<Fault> faults, int varied) {
    }

    /** A row the product must not apply: feed, line (1 = header), reason. */
    public record ExpectedReject(String feed, long line, String reason) {
    }

    private static final String DUPLICATE = "DUPLICATE_KEY_IN_FILE";

    private final String name;
    private final Shape shape;
    private final BufferedWriter out;
    private final List<ExpectedReject> expected;
    private final SplittableRandom random;
    private final double share;
    private final int maxPerKind;
    private final int[] made;
    private final StringBuilder line = new StringBuilder(256);
    private String[] last;
    private long lines = 1;
    private long rows;
    private int serial;

    FeedFile(Path dir, String name, Shape shape, List<ExpectedReject> expected, long seed, double share,
             int maxPerKind) {
        this.name = name;
        this.shape = shape;
        this.expected = expected;
        this.random = new SplittableRandom(seed ^ name.hashCode() * 0x9E3779B97F4A7C15L);
        this.share = share;
        this.maxPerKind = maxPerKind;
        this.made = new int[shape.faults().size() + 1];
        try {
            this.out = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
            out.write(shape.header());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row the product applies; it may be followed by a bad row made from it. */
    void good(String... fields) {
        write(fields);
        last = fields;
        if (random.nextDouble() < share) {
            spoil(random.nextInt(made.length), fields);
        }
    }

    /** A well-formed row the product must refuse for the given reason (e.g. a move inside the cool-off). */
    void refused(String reason, String... fields) {
        write(fields);
        expected.add(new ExpectedReject(name, lines, reason));
    }

    long rows() {
        return rows;
    }

    private void spoil(int kind, String[] from) {
        if (made[kind] >= maxPerKind) {
            return;
        }
        made[kind]++;
        String[] bad = Arrays.copyOf(from, from.length);
        String reason;
        if (kind == shape.faults().size()) {
            bad[shape.varied()] = varied(bad[shape.varied()]);
            reason = DUPLICATE;
        } else {
            Fault fault = shape.faults().get(kind);
            if (shape.freshKey() >= 0) {
                bad[shape.freshKey()] = bad[shape.freshKey()] + "-x" + (++serial);
            }
            bad[fault.column()] = fault.value() == null ? "" : fault.value() + (fault.value().endsWith("-") ? ++serial : "");
            reason = fault.reason();
        }
        write(bad);
        expected.add(new ExpectedReject(name, lines, reason));
    }

    /** Other content for a repeated key: a level swapped, a number or text changed. */
    private static String varied(String value) {
        return switch (value) {
            case "SILVER" -> "GOLD";
            case "GOLD" -> "SILVER";
            default -> value.matches("\\d{4}-\\d\\d-\\d\\dT.*") ? "2019-01-01T00:00:00Z"
                    : value.matches("[0-9.]+") ? (value.contains(".") ? value + "1" : value + ".5") : value + " (resent)";
        };
    }

    private void write(String[] fields) {
        line.setLength(0);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String f = fields[i];
            if (f == null) {
                continue;
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0) {
                line.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                line.append(f);
            }
        }
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines++;
        rows++;
    }

    /** Makes sure every kind of bad row appears at least once where the file has any good row, then closes. */
    @Override
    public void close() {
        if (last != null) {
            for (int kind = 0; kind < made.length; kind++) {
                if (made[kind] == 0) {
                    spoil(kind, last);
                }
            }
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
