package com.competencyrecon.ingest.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static com.competencyrecon.support.FeedHeaders.ACHIEVEMENTS;
import static com.competencyrecon.support.FeedHeaders.ORGS;
import static com.competencyrecon.support.FeedHeaders.USERS;

/**
 * The files of the corpus that are too big to commit (a 1 MB field, 10,000 columns) or that only the file system
 * can hold (a folder, an unreadable file, links), made in a night's input folder by the case's {@code generate=}.
 */
final class BadInputFiles {

    static final int ONE_MB = 1 << 20;
    static final int COLUMNS = 10_000;

    private BadInputFiles() {
    }

    /** Makes the files of {@code kind} in {@code input}; {@code outside} is a folder outside the allowed roots. */
    static void generate(String kind, Path input, Path outside) {
        try {
            switch (kind) {
                case "one-mb-field" -> {
                    write(input.resolve("organizations.csv"), ORGS + "\nO3," + "N".repeat(ONE_MB)
                            + ",DEVELOPED,US\nO4,Northwind,DEVELOPED,US\n" + "O".repeat(ONE_MB) + ",Tailspin,DEVELOPED,US\n"
                            + "O5,Woodgrove," + "D".repeat(ONE_MB) + ",US\n");
                    write(input.resolve("achievements.csv"), ACHIEVEMENTS + "\nb1,m1,70-533,2026-03-01T00:00:00Z,,,\""
                            + "s,\"\"".repeat(ONE_MB / 4) + "\"\nb2,m1,70-533,2026-03-01T00:00:00Z,,,exam\n");
                }
                case "ten-thousand-columns-row" -> write(input.resolve("users.csv"), USERS
                        + "\nu5,O1,,ACTIVE,2026-01-01T00:00:00Z" + ",x".repeat(COLUMNS - 5)
                        + "\nu6,O1,,ACTIVE,2026-01-01T00:00:00Z\n");
                case "ten-thousand-columns-header" -> {
                    StringBuilder header = new StringBuilder(USERS);
                    StringBuilder padding = new StringBuilder();
                    for (int i = 6; i <= COLUMNS; i++) {
                        header.append(",extra_").append(i);
                        padding.append(",x");
                    }
                    write(input.resolve("users.csv"), header + "\nu5,O1,,ACTIVE,2026-01-01T00:00:00Z" + padding
                            + "\nu6,O2,,DELETED,2026-01-01T00:00:00Z" + padding + "\n");
                }
                case "folder-instead-of-file" -> {
                    Path folder = Files.createDirectories(input.resolve("users.csv"));
                    write(folder.resolve("users.csv"), USERS + "\nu5,O1,,ACTIVE,2026-01-01T00:00:00Z\n");
                }
                case "unreadable-file" -> {
                    Path file = input.resolve("users.csv");
                    write(file, USERS + "\nu5,O1,,ACTIVE,2026-01-01T00:00:00Z\n");
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
                }
                case "symlink-out-of-roots" -> {
                    Path target = Files.createDirectories(outside).resolve("users.csv");
                    write(target, USERS + "\nu5,O1,,ACTIVE,2026-01-01T00:00:00Z\n");
                    Files.createSymbolicLink(input.resolve("users.csv"), target);
                }
                case "symlink-inside-roots" -> {
                    Path target = Files.createDirectories(input.resolveSibling("shared")).resolve("users-file.csv");
                    write(target, USERS + "\nu5,O1,,ACTIVE,2026-01-01T00:00:00Z\n");
                    Files.createSymbolicLink(input.resolve("users.csv"), target);
                }
                case "dangling-symlink" -> Files.createSymbolicLink(input.resolve("users.csv"),
                        input.resolve("users-not-there.csv"));
                default -> throw new IllegalArgumentException("no generator for '" + kind + "'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
