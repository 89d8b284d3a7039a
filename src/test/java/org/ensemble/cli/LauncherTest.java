package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ensemble launcher script, run against a stand-in java that prints the JVM's and Aparapi's notes. */
class LauncherTest {
    @TempDir
    Path tmp;

    @Test
    void dropsOnlyTheTwoNotesAndKeepsTheExitCode() throws Exception {
        ProcessBuilder pb = standIn(tmp, "#!/usr/bin/env bash\n"
                + "echo 'WARNING: Using incubator modules: jdk.incubator.vector' >&2\n"
                + "echo 'WARNING: Aparapi is running on an untested OpenCL platform version: OpenCL 3.0 PoCL' >&2\n"
                + "echo 'error: kept' >&2\n"
                + "echo out\n"
                + "exit 7\n", "--version");
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("launcher hung");
        }
        assertEquals(7, p.exitValue(), "java's exit code");
        assertEquals("out\n", read("stdout"));
        assertEquals("error: kept\n", read("stderr"));
    }

    /**
     * A SIGTERM sent to the launcher (timeout, a scheduler, kill PID) reaches java, which stops and
     * whose exit code the launcher returns; a SIGINT (Ctrl-C reaches the launcher too) arrives as
     * SIGTERM, since a background java ignores SIGINT. Before, the launcher died alone and java ran on.
     * Standard input still reaches java.
     */
    @Test
    void passesTermAndIntOnToJavaAsTerm() throws Exception {
        for (String signal : new String[] {"TERM", "INT"}) {
            Path dir = Files.createDirectories(tmp.resolve(signal));
            Path log = dir.resolve("java.log");
            // The stand-in loops at most a minute, so a failing run leaves nothing behind for long.
            ProcessBuilder pb = standIn(dir, "#!/usr/bin/env bash\n"
                    + "trap 'echo \"stopped by TERM\" >>\"$LOG\"; exit 143' TERM\n"
                    + "trap 'echo \"stopped by INT\" >>\"$LOG\"; exit 130' INT\n"
                    + "read -r line\n"
                    + "echo \"pid $$ stdin $line\" >>\"$LOG\"\n"
                    + "for i in $(seq 1200); do sleep 0.05; done\n", "run", "x.conf");
            Process p = pb.start();
            try {
                p.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!Files.exists(log) || !Files.readString(log).contains("stdin hello")) {
                    assertTrue(p.isAlive() && System.nanoTime() < deadline, "java did not start or read stdin");
                    Thread.sleep(20);
                }
                long javaPid = Long.parseLong(Files.readString(log).split(" ")[1]);
                assertEquals(0, kill("-" + signal, Long.toString(p.pid())));
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not end after SIG" + signal);
                assertEquals(143, p.exitValue(), "java's exit code after SIG" + signal);
                assertTrue(Files.readString(log).contains("stopped by TERM"), Files.readString(log));
                assertFalse(ProcessHandle.of(javaPid).map(ProcessHandle::isAlive).orElse(false), "java runs on");
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /**
     * `timeout`, schedulers and systemd send TERM to the whole process group: java then gets it twice
     * (directly and from the launcher; {@code StopRequest} counts that as one), and the launcher must
     * still wait for java to finish stopping and return its exit code.
     */
    @Test
    void waitsForJavaWhenTheWholeProcessGroupIsSignalled() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("group"));
        Path log = dir.resolve("java.log");
        // Stops as a run does: keeps on writing its outputs for a moment after the signal.
        ProcessBuilder pb = standIn(dir, "#!/usr/bin/env bash\n"
                + "stopping=0\n"
                + "trap 'stopping=1' TERM\n"
                + "echo started >>\"$LOG\"\n"
                + "for i in $(seq 1200); do [ $stopping = 0 ] || break; sleep 0.05; done\n"
                + "sleep 0.5\n"
                + "echo 'outputs written' >>\"$LOG\"\n"
                + "exit 143\n", "run", "x.conf");
        // setsid: the launcher leads a process group of its own, which the test can signal whole.
        pb.command().add(0, "setsid");
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(log) || !Files.readString(log).contains("started")) {
                assertTrue(p.isAlive() && System.nanoTime() < deadline, "java did not start");
                Thread.sleep(20);
            }
            assertEquals(0, kill("-TERM", "--", "-" + p.pid()));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not end");
            assertTrue(Files.readString(log).contains("outputs written"), "the launcher ended before java: "
                    + Files.readString(log));
            assertEquals(143, p.exitValue(), "java's exit code; " + Files.readString(dir.resolve("stderr")));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /**
     * The launcher copied into {@code dir} beside a (fresh, so not rebuilt) jar, with {@code javaScript}
     * as the java on its PATH; {@code LOG} is {@code dir/java.log}, stdout and stderr go to files in
     * {@code dir}. Runs {@code bash ensemble args}.
     */
    private static ProcessBuilder standIn(Path dir, String javaScript, String... args) throws IOException {
        Path launcher = Files.copy(Path.of("ensemble"), dir.resolve("ensemble"));
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/ensemble-0.1.0-SNAPSHOT.jar"), "");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("java");
        Files.writeString(fake, javaScript);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("LOG", dir.resolve("java.log").toString());
        return pb.redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
    }

    /** bash's kill (no kill binary needed), with {@code args}; its exit code. */
    private static int kill(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "kill \"$@\"", "kill"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start().waitFor();
    }

    private String read(String name) throws IOException {
        return Files.readString(tmp.resolve(name));
    }
}
