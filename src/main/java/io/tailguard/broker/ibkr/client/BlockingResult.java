package io.tailguard.broker.ibkr.client;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking on a client future: its own timeout (on the client's ticker) normally ends it; {@code limit}
 * plus five seconds is only a backstop against a timeout that never fires, and it is real time on purpose:
 * it must end the wait even when the ticker is a test's fake that nobody advances.
 */
public final class BlockingResult {
    private static final Duration BACKSTOP = Duration.ofSeconds(5);

    private BlockingResult() {
    }

    public static <T> T result(CompletableFuture<T> future, Duration limit, String what) {
        try {
            return future.get(limit.plus(BACKSTOP).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw unwrap(e.getCause(), what);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new BrokerException(BrokerErrorKind.TIMEOUT, 0, "no answer for " + what + " within " + limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(BrokerErrorKind.CONNECTIVITY, 0, "interrupted while waiting for " + what);
        }
    }

    public static BrokerException unwrap(Throwable t, String what) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof BrokerException b) {
            return b;
        }
        return new BrokerException(BrokerErrorKind.PROTOCOL, 0, what + " failed: " + t, t);
    }
}
