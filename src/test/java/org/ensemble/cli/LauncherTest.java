package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ensemble launcher script, run against a stand-in java that prints the JVM's and Aparapi's notes. */
class LauncherTest {
    @TempDir
    Path tmp;

    @Test
    void dropsOnlyTheTwoNotesAndKeepsTheExitCode() throws Exception {
        Path launcher = Files.copy(Path.of("ensemble"), tmp.resolve("ensemble"));
        Files.createDirectories(tmp.resolve("target"));
        Files.writeString(tmp.resolve("target/ensemble-0.1.0-SNAPSHOT.jar"), "");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "echo 'WARNING: Using incubator modules: jdk.incubator.vector' >&2\n"
                + "echo 'WARNING: Aparapi is running on an untested OpenCL platform version: OpenCL 3.0 PoCL' >&2\n"
                + "echo 'error: kept' >&2\n"
                + "echo out\n"
                + "exit 7\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "--version");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("launcher hung");
        }
        assertEquals(7, p.exitValue(), "java's exit code");
        assertEquals("out\n", read("stdout"));
        assertEquals("error: kept\n", read("stderr"));
    }

    private String read(String name) throws IOException {
        return Files.readString(tmp.resolve(name));
    }
}
