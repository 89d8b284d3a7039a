package org.ensemble.step;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.pekko.dispatch.DispatcherPrerequisites;
import org.apache.pekko.dispatch.ExecutorServiceConfigurator;
import org.apache.pekko.dispatch.ExecutorServiceFactory;

/**
 * A fixed pool whose idle threads spin (for {@code spin-micros}) before they park: for the training
 * runs, whose coordinator and shard actors exchange one message round trip per step, every
 * ~50–100 µs. With a parking pool each hand-off costs a thread wake-up (tens of µs); spinning
 * threads take the next mailbox within a fraction of a µs, as OpenMP's spinning barrier does.
 * Config: {@code fixed-pool-size} (threads), {@code spin-micros} (spin before parking), optional
 * {@code yield-after-polls} (an idle worker also yields between polls after that many; default never).
 */
public final class SpinningExecutorConfigurator extends ExecutorServiceConfigurator {
    private final int threads;
    private final long spinNanos;
    private final int yieldAfter;

    public SpinningExecutorConfigurator(Config config, DispatcherPrerequisites prerequisites) {
        super(config, prerequisites);
        Config c = config.getConfig("spinning-executor");
        this.threads = c.getInt("fixed-pool-size");
        this.spinNanos = c.getLong("spin-micros") * 1000L;
        this.yieldAfter = c.hasPath("yield-after-polls") ? c.getInt("yield-after-polls") : Integer.MAX_VALUE;
    }

    @Override
    public ExecutorServiceFactory createExecutorServiceFactory(String id, ThreadFactory threadFactory) {
        return () -> new Pool(threads, spinNanos, yieldAfter, threadFactory);
    }

    /** Shared task queue, N workers; an idle worker spins, then parks until {@link #execute} unparks it. */
    static final class Pool extends AbstractExecutorService {
        private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Thread> parked = new ConcurrentLinkedQueue<>();
        private final AtomicInteger parkedCount = new AtomicInteger();
        private final List<Thread> workers = new ArrayList<>();
        private final long spinNanos;
        private final int yieldAfter;
        private volatile boolean shutdown;
        private final AtomicInteger alive;

        Pool(int threads, long spinNanos, int yieldAfter, ThreadFactory factory) {
            this.spinNanos = spinNanos;
            this.yieldAfter = yieldAfter;
            this.alive = new AtomicInteger(threads);
            for (int t = 0; t < threads; t++) {
                Thread w = factory.newThread(this::work);
                workers.add(w);
            }
            workers.forEach(Thread::start);
        }

        private void work() {
            try {
                while (true) {
                    Runnable r = queue.poll();
                    if (r != null) {
                        r.run();
                        continue;
                    }
                    if (shutdown) {
                        return;
                    }
                    long until = System.nanoTime() + spinNanos;
                    for (int spins = 0; r == null && System.nanoTime() < until && !shutdown; spins++) {
                        // After yieldAfter polls also yield: a no-op on an idle machine; on a busy one
                        // the thread whose task this one waits for may need this core.
                        if (spins < yieldAfter) {
                            Thread.onSpinWait();
                        } else {
                            Thread.yield();
                        }
                        r = queue.poll();
                    }
                    if (r != null) {
                        r.run();
                        continue;
                    }
                    Thread me = Thread.currentThread();
                    parked.add(me);
                    parkedCount.incrementAndGet();
                    // Re-check after announcing: a task offered before the announcement is seen here,
                    // one offered after it finds this thread in the parked queue.
                    if (queue.isEmpty() && !shutdown) {
                        LockSupport.park(this);
                    }
                    if (parked.remove(me)) {
                        parkedCount.decrementAndGet();
                    }
                }
            } finally {
                if (alive.decrementAndGet() == 0) {
                    synchronized (this) {
                        notifyAll();
                    }
                }
            }
        }

        @Override
        public void execute(Runnable command) {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("pool shut down");
            }
            queue.offer(command);
            if (parkedCount.get() > 0) {
                Thread t = parked.poll();
                if (t != null) {
                    parkedCount.decrementAndGet();
                    LockSupport.unpark(t);
                }
            }
        }

        @Override
        public void shutdown() {
            shutdown = true;
            workers.forEach(LockSupport::unpark);
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown();
            List<Runnable> left = new ArrayList<>();
            for (Runnable r = queue.poll(); r != null; r = queue.poll()) {
                left.add(r);
            }
            return left;
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown && alive.get() == 0;
        }

        @Override
        public synchronized boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            long end = System.nanoTime() + unit.toNanos(timeout);
            while (!isTerminated()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
