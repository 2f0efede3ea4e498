package io.tailguard.broker.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * IB's historical-data pacing rules, over every session of the gateway (IB counts per account):
 * no identical request within 15 s, no 6 or more requests for the same contract within 2 s, no more
 * than 60 requests in 10 minutes, no more than 50 open at once. A refused request is not counted.
 * Thread-safe.
 */
final class HistoricalPacing {
    static final Duration IDENTICAL_WINDOW = Duration.ofSeconds(15);
    static final Duration SAME_CONTRACT_WINDOW = Duration.ofSeconds(2);
    static final int SAME_CONTRACT_MAX = 5;
    static final Duration TOTAL_WINDOW = Duration.ofMinutes(10);
    static final int TOTAL_MAX = 60;
    static final int OPEN_MAX = 50;

    private final Clock clock;
    private final Deque<Accepted> accepted = new ArrayDeque<>();
    private int open;

    HistoricalPacing(Clock clock) {
        this.clock = clock;
    }

    /**
     * Admits a request or names the rule it breaks. {@code contractKey} identifies the contract,
     * {@code requestKey} the whole request (contract, end, duration, bar size, what to show).
     */
    synchronized Optional<String> admit(String contractKey, String requestKey) {
        Instant now = clock.instant();
        Iterator<Accepted> it = accepted.iterator();
        while (it.hasNext()) {
            if (!it.next().at().isAfter(now.minus(TOTAL_WINDOW))) {
                it.remove();
            }
        }
        if (open >= OPEN_MAX) {
            return Optional.of("more than " + OPEN_MAX + " simultaneous open historical data requests");
        }
        if (accepted.size() >= TOTAL_MAX) {
            return Optional.of("more than " + TOTAL_MAX + " requests in 10 minutes");
        }
        long sameContract = accepted.stream()
                .filter(a -> a.contractKey().equals(contractKey) && a.at().isAfter(now.minus(SAME_CONTRACT_WINDOW)))
                .count();
        if (sameContract >= SAME_CONTRACT_MAX) {
            return Optional.of("6 or more requests for the same contract within 2 seconds");
        }
        boolean identical = accepted.stream()
                .anyMatch(a -> a.requestKey().equals(requestKey) && a.at().isAfter(now.minus(IDENTICAL_WINDOW)));
        if (identical) {
            return Optional.of("identical request within 15 seconds");
        }
        accepted.addLast(new Accepted(contractKey, requestKey, now));
        return Optional.empty();
    }

    /** A request stays open from admission until its data is delivered or it is cancelled. */
    synchronized void opened() {
        open++;
    }

    synchronized void closed() {
        open = Math.max(0, open - 1);
    }

    synchronized int open() {
        return open;
    }

    private record Accepted(String contractKey, String requestKey, Instant at) {
    }
}
