package org.ensemble.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A SIGTERM that arrives twice within a moment is one request: `timeout`, schedulers and systemd signal
 * the whole process group, and the launcher passes on the one it gets too. Before, the second copy
 * took the JVM's default action and the run died without its outputs. (If that regressed, this test's
 * JVM would die here and the suite would fail.)
 */
class StopRequestTest {
    @Test
    void aSignalDeliveredTwiceAtOnceIsOneRequestToStop() throws Exception {
        try (StopRequest stop = StopRequest.onSignals()) {
            term();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!stop.getAsBoolean()) {
                assertTrue(System.nanoTime() < deadline, "the signal was not seen");
                Thread.sleep(5);
            }
            term(); // the second copy, once the first has been handled
            Thread.sleep(300); // it is handled on the signal thread too
            assertTrue(stop.getAsBoolean());
            assertEquals(143, stop.exitCode());
        }
    }

    /** A SIGTERM to this JVM from outside, as the launcher or `timeout` sends it. */
    private static void term() throws Exception {
        // bash's kill: no kill binary needed.
        assertEquals(0, new ProcessBuilder("bash", "-c", "kill -TERM " + ProcessHandle.current().pid()).start()
                .waitFor());
    }
}
