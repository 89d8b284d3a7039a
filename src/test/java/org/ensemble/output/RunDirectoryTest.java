package org.ensemble.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs with one --out never share a directory; a killed run's staging directory is taken over. */
class RunDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondRunOnTheSameOutIsRefusedWhileTheFirstWrites() throws IOException {
        Path out = tmp.resolve("run");
        try (RunDirectory first = RunDirectory.create(out)) {
            Files.writeString(first.file("summary.json"), "first");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunDirectory.create(out));
            assertTrue(e.getMessage().contains("is in use by a run started at"), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            // The refused run touched nothing of the first one's.
            assertEquals("first", Files.readString(first.file("summary.json")));
            Path done = first.commit();
            assertEquals(List.of("summary.json"), Files.list(done).map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.exists(tmp.resolve(".run.partial")));
    }

    @Test
    void aStagingDirectoryWhoseOwnerIsGoneIsTakenOver() throws IOException {
        Path staging = Files.createDirectories(tmp.resolve(".run.partial"));
        Files.writeString(staging.resolve("stale.csv"), "left by a killed run");
        Files.writeString(staging.resolve(RunDirectory.LOCK), deadPid() + " 2026-01-01T00:00:00Z\n");
        try (RunDirectory d = RunDirectory.create(tmp.resolve("run"))) {
            assertFalse(Files.exists(d.file("stale.csv")));
            d.commit();
        }
        assertTrue(Files.isDirectory(tmp.resolve("run")));
    }

    /** A pid no live process has (the largest pids are never handed out on Linux by default). */
    private static long deadPid() {
        for (long pid = 4_000_000; ; pid--) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
    }
}
