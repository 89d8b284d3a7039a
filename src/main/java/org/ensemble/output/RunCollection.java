package org.ensemble.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory of a sweep or study: a visible directory from the start, so that each point's run
 * directory is final (committed by its own {@link RunDirectory}) when its {@code outputs:} line is
 * printed, and an interrupted sweep keeps its finished points. The collection's own files (tables,
 * summary, plots) are written into a hidden {@code .collection.partial} inside it and moved into
 * place at {@link #commit()}, the summary ({@code *.json}) last. A {@code .lock} (pid and start
 * time) refuses a second sweep into the same directory while the first is alive.
 */
public final class RunCollection implements AutoCloseable {
    private static final String STAGING = ".collection.partial";
    private final Path target;
    private final Path staging;
    private final boolean created;
    private boolean committed;

    private RunCollection(Path target, boolean created) {
        this.target = target;
        this.staging = target.resolve(STAGING);
        this.created = created;
    }

    /** Creates {@code target}; fails if it exists and is not empty, or another live sweep holds it. */
    public static RunCollection create(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            boolean created = !Files.exists(abs);
            if (!created && (!Files.isDirectory(abs) || !onlyStaleLock(abs))) {
                throw new IllegalArgumentException("output directory " + target + " already exists and is not empty;"
                        + " choose another with --out");
            }
            Files.createDirectories(abs);
            Path lock = abs.resolve(RunDirectory.LOCK);
            try {
                Files.writeString(lock, ProcessHandle.current().pid() + " " + java.time.Instant.now() + "\n",
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                throw new IllegalArgumentException("output directory " + target + " is being claimed by another run;"
                        + " choose another with --out");
            }
            RunDirectory.deleteRecursively(abs.resolve(STAGING));
            Files.createDirectory(abs.resolve(STAGING));
            return new RunCollection(abs, created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + target + ": " + e.getMessage(), e);
        }
    }

    /** Empty but for the lock (and staging) of a sweep whose process is gone: taken over. */
    private static boolean onlyStaleLock(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!n.equals(RunDirectory.LOCK) && !n.equals(STAGING)) {
                    return false;
                }
            }
        }
        Path lock = dir.resolve(RunDirectory.LOCK);
        if (Files.exists(lock)) {
            String owner = RunDirectory.liveOwner(lock);
            if (owner != null) {
                throw new IllegalArgumentException("output directory " + dir + " is in use by a run started at " + owner
                        + "; choose another with --out");
            }
            Files.delete(lock);
        }
        return true;
    }

    public Path target() {
        return target;
    }

    /** Where a point's run directory goes: final as soon as that run commits. */
    public Path point(String name) {
        return target.resolve(name);
    }

    /** A file of the collection itself, in staging until {@link #commit()}. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** Moves the collection's files into place, the summaries last, and releases the lock. */
    public Path commit() {
        try {
            List<Path> last = new ArrayList<>();
            try (Stream<Path> s = Files.list(staging)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (p.getFileName().toString().endsWith(".json")) {
                        last.add(p);
                    } else {
                        moveIn(p);
                    }
                }
            }
            for (Path p : last) {
                moveIn(p);
            }
            Files.delete(staging);
            Files.deleteIfExists(target.resolve(RunDirectory.LOCK));
            committed = true;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the sweep's files into " + target + ": " + e.getMessage(), e);
        }
    }

    private void moveIn(Path p) throws IOException {
        Path to = target.resolve(p.getFileName().toString());
        RunDirectory.deleteRecursively(to);
        Files.move(p, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Unless committed: drops the staged files and the lock; the finished points stay. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            RunDirectory.deleteRecursively(staging);
            Files.deleteIfExists(target.resolve(RunDirectory.LOCK));
            if (created) {
                try (Stream<Path> s = Files.list(target)) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(target);
                    }
                }
            }
        } catch (IOException ignored) {
            // Best effort: the finished points are what matters.
        }
    }
}
