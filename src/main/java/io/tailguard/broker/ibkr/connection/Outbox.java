package io.tailguard.broker.ibkr.connection;

import io.tailguard.broker.ibkr.wire.FrameCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing messages in order, written by one thread at the pacer's rate. Each message carries the
 * generation of the socket it was queued for; one queued for a socket that has gone is dropped,
 * never written to its successor (the request layer re-queues what is still open after a reconnect).
 */
final class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private record Outgoing(long generation, byte[] payload) {
    }

    private final LinkedBlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
    private final Pacer pacer;
    private final Ticker ticker;
    private final LongConsumer onWriteFailed;
    private volatile long generation = -1;
    private volatile OutputStream out;
    private volatile boolean closed;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile long lastWrittenNanos;

    Outbox(Pacer pacer, Ticker ticker, LongConsumer onWriteFailed) {
        this.pacer = pacer;
        this.ticker = ticker;
        this.onWriteFailed = onWriteFailed;
    }

    /** Points the writer at a new socket (or at none, with {@code out} null) and drops what was queued. */
    void switchTo(long newGeneration, OutputStream newOut) {
        queue.clear();
        out = newOut;
        generation = newGeneration;
    }

    void add(long forGeneration, byte[] payload) {
        queue.add(new Outgoing(forGeneration, payload));
        queued.incrementAndGet();
    }

    /** Messages queued so far (for the benchmark: which write is the one just queued). */
    long queued() {
        return queued.get();
    }

    /** Messages written to a socket so far (dropped ones are not counted). */
    long written() {
        return written.get();
    }

    /** The {@link Ticker} reading when the last message was written to the socket. */
    long lastWrittenNanos() {
        return lastWrittenNanos;
    }

    void close() {
        closed = true;
        out = null;
        queue.clear();
    }

    void writeLoop() {
        while (!closed) {
            Outgoing next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            OutputStream o = next.generation() == generation ? out : null;
            if (o == null) {
                continue; // queued for a socket that is gone
            }
            if (!pacer.awaitPermit()) {
                return; // interrupted by close() while waiting for a slot
            }
            try {
                synchronized (o) {
                    FrameCodec.writeFrame(o, next.payload());
                }
                lastWrittenNanos = ticker.nanos();
                written.incrementAndGet();
            } catch (IOException e) {
                log.warn("write to TWS failed: {}", e.getMessage());
                onWriteFailed.accept(next.generation());
            }
        }
    }
}
