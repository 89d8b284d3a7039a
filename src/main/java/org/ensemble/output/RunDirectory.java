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
            Path staging = stagingOf(abs);
            claim(target, staging);
            return new RunDirectory(abs, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reopens the run directory of an interrupted or killed run to resume it: its staging directory
     * (a killed run's, whose owner is gone) is taken over, or the committed directory is moved back
     * into staging. Everything but the checkpoint is removed there: the resumed run writes every
     * output afresh.
     */
    public static RunDirectory reopen(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path staging = stagingOf(abs);
        try {
            if (Files.isDirectory(staging)) {
                String owner = owner(staging);
                if (owner != null) {
                    throw new IllegalArgumentException("output directory " + target + " is in use by a run started at "
                            + owner);
                }
            } else {
                try {
                    Files.move(abs, staging, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(abs, staging);
                }
            }
            Files.writeString(staging.resolve(LOCK), ProcessHandle.current().pid() + " " + java.time.Instant.now()
                    + "\n");
            try (Stream<Path> s = Files.list(staging)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String n = p.getFileName().toString();
                    if (!n.equals(LOCK) && !n.equals(CHECKPOINT)) {
                        deleteRecursively(p);
                    }
                }
            }
            return new RunDirectory(abs, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reopen " + target + " to resume it: " + e.getMessage(), e);
        }
    }

    /** Whether a run that did not commit left its checkpoint in {@code target}'s staging directory. */
    public static boolean keptCheckpoint(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return hasCheckpoint(stagingOf(abs));
    }

    /** A run's checkpoint directory, which outlives a failed or killed run (see {@link #close()}). */
    public static final String CHECKPOINT = "checkpoint";
    /** The file whose presence makes a checkpoint directory a checkpoint (written last). */
    public static final String CHECKPOINT_MANIFEST = "manifest.json";

    /** Where the run for {@code target} is written until it commits: the hidden sibling {@code .NAME.partial}. */
    public static Path stagingOf(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".partial");
    }

    /** Whether {@code dir} (a run or staging directory) holds a complete checkpoint. */
    public static boolean hasCheckpoint(Path dir) {
        return Files.isRegularFile(dir.resolve(CHECKPOINT).resolve(CHECKPOINT_MANIFEST));
    }

    /** The lock inside a staging directory: the owning process and when it started writing. */
    static final String LOCK = ".lock";

    /**
     * Creates the staging directory atomically and writes its lock. A staging directory held by a
     * live process means another run writes to the same {@code --out}: refused, never shared. One
     * whose owner is gone (killed) is stale and taken over.
     */
    private static void claim(Path target, Path staging) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.createDirectory(staging);
                Files.writeString(staging.resolve(LOCK), ProcessHandle.current().pid() + " "
                        + java.time.Instant.now() + "\n");
                return;
            } catch (FileAlreadyExistsException e) {
                String owner = owner(staging);
                if (owner != null) {
                    throw new IllegalArgumentException("output directory " + target + " is in use by a run started at "
                            + owner + "; choose another with --out");
                }
                deleteRecursively(staging);
            }
        }
        throw new IllegalArgumentException("output directory " + target + " is being claimed by another run; choose"
                + " another with --out");
    }

    /** "time (pid N)" of the live process that wrote {@code lock}, or null when it is gone. */
    static String liveOwner(Path lock) throws IOException {
        String[] f = Files.readString(lock).trim().split(" ", 2);
        try {
            long pid = Long.parseLong(f[0]);
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? (f.length > 1 ? f[1] : "?") + " (pid " + pid + ")" : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "time (pid N)" of a live owner of {@code staging}, or null when it has none. */
    private static String owner(Path staging) throws IOException {
        Path lock = staging.resolve(LOCK);
        for (int wait = 0; wait < 20 && !Files.exists(lock); wait++) {
            try {
                Thread.sleep(10); // the other run creates the directory, then its lock
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!Files.exists(lock)) {
            return null;
        }
        return liveOwner(lock);
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
            Files.deleteIfExists(staging.resolve(LOCK));
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

    /**
     * Removes the staging directory unless committed, or, when it holds a checkpoint, leaves it (its
     * lock released) for {@code ensemble resume}.
     */
    @Override
    public void close() {
        if (!committed) {
            try {
                if (hasCheckpoint(staging)) {
                    Files.deleteIfExists(staging.resolve(LOCK));
                    return;
                }
                deleteRecursively(staging);
            } catch (IOException ignored) {
                // Nothing more to do; the directory is hidden and named .partial.
            }
        }
    }

    /** Deletes a file or a directory tree; nothing if absent. */
    public static void deleteRecursively(Path p) throws IOException {
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
