package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.ibkr.connection.Ticker;
import java.time.Duration;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task once its delay has passed on the {@link Ticker}, on one daemon thread started with the first
 * task: the request timeouts and the read-ahead releases of one client. Tasks due at the same time run in
 * the order they were scheduled. Tasks must be quick; one that throws is logged and the others still run.
 */
final class DeadlineTimer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadlineTimer.class);

    private record Task(long due, long seq, Runnable body) {
    }

    private final Ticker ticker;
    private final String threadName;
    // ticker readings compare by their difference (they may wrap), then first scheduled first
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due() != b.due()
            ? Long.signum(a.due() - b.due()) : Long.compare(a.seq(), b.seq()));
    // guarded by tasks
    private long scheduled;
    private Thread thread;
    private boolean closed;

    DeadlineTimer(Ticker ticker, String threadName) {
        this.ticker = ticker;
        this.threadName = threadName;
    }

    /** Runs {@code body} once {@code delay} has passed; nothing after {@link #close()}. */
    void schedule(Runnable body, Duration delay) {
        synchronized (tasks) {
            if (closed) {
                return;
            }
            tasks.add(new Task(ticker.deadlineAfter(delay), scheduled++, body));
            if (thread == null) {
                thread = new Thread(this::runLoop, threadName);
                thread.setDaemon(true);
                thread.start();
            }
            tasks.notifyAll();
        }
    }

    /** Drops the tasks not yet run and ends the thread. */
    @Override
    public void close() {
        synchronized (tasks) {
            closed = true;
            tasks.clear();
            tasks.notifyAll();
        }
    }

    private void runLoop() {
        while (true) {
            Task due;
            synchronized (tasks) {
                try {
                    while (true) {
                        if (closed) {
                            return;
                        }
                        Task next = tasks.peek();
                        if (next == null) {
                            tasks.wait();
                        } else if (ticker.reached(next.due())) {
                            due = tasks.poll();
                            break;
                        } else {
                            ticker.awaitUntil(tasks, next.due());
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                due.body().run();
            } catch (RuntimeException e) {
                log.error("timer task failed: {}", e.toString(), e);
            }
        }
    }
}
