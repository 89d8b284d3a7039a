package org.ensemble.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run's output directory, written in a hidden sibling ({@code .DIR.partial}) and renamed into
 * place when the run has finished writing, so a reader never sees a half-written run. A run that
 * diverges still commits what it has (its summary says so); a run that fails before producing
 * anything leaves nothing behind.
 */
public final class RunDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    private RunDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Prepares {@code target}; fails if it exists and is not empty. */
    public static RunDirectory create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            if (Files.exists(abs) && (!Files.isDirectory(abs) || !isEmpty(abs))) {
                throw new IllegalArgumentException("output directory " + target + " already exists and is not empty;"
                        + " choose another with --out");
            }
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path staging = parent.resolve("." + abs.getFileName() + ".partial");
            deleteRecursively(staging);
            Files.createDirectories(staging);
            return new RunDirectory(abs, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + target + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Where files are written until {@link #commit()}. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    public Path file(String name) {
        return staging.resolve(name);
    }

    /** Moves the finished run into place. */
    public Path commit() {
        try {
            if (Files.isDirectory(target)) {
                Files.delete(target); // empty, checked in create()
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            committed = true;
            return target;
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("output directory " + target + " appeared while the run was writing", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the finished run to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes the staging directory unless committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteRecursively(staging);
            } catch (IOException ignored) {
                // Nothing more to do; the directory is hidden and named .partial.
            }
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}
