package com.competencyrecon.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A night's report folder written beside its final place and moved there whole, so a reader sees either the
 * previous complete folder or the new complete folder, never a half-written one.
 */
public final class PublishedFolder {

    private PublishedFolder() {
    }

    public static Path staging(Path reportDir, String name) {
        try {
            Files.createDirectories(reportDir);
            return Files.createTempDirectory(reportDir, "." + name + ".writing-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder under " + reportDir, e);
        }
    }

    /** Replaces {@code target} by {@code staged}: the old folder is moved aside first, then removed. */
    public static void publish(Path staged, Path target) {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".replaced-" + System.nanoTime());
                move(target, old);
            }
            move(staged, target);
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
