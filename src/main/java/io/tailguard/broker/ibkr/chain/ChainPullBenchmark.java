package io.tailguard.broker.ibkr.chain;

import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ListedExpiries;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionChain;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Times a chain pull against its pacing bound: the messages the pull sent divided by the configured
 * rate is the least time any client honouring the limit can take; the goal is to stay within 15% of
 * it. A measurement, never an assertion. It is the engine of the {@code tailguard bench chain} command
 * (which picks the broker: the installation's TWS, or a simulated gateway of its own), and lives in the
 * main sources only because that command ships in the jar; the JMH and order benchmarks live apart, in
 * {@code src/jmh}. Tests use {@link #nextExpiry} and never time anything.
 */
public final class ChainPullBenchmark {

    /** One measured pull. {@code ratio} = elapsed / bound (1.0 = exactly at the pacing bound). */
    public record Report(int options, int missing, long messages, Duration elapsed, Duration pacingBound) {
        public double ratio() {
            return pacingBound.isZero() ? Double.NaN : (double) elapsed.toNanos() / pacingBound.toNanos();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d options (%d missing), %d messages, %.2f s elapsed, pacing bound "
                    + "%.2f s, ratio %.3f (%+.1f%%)", options, missing, messages, elapsed.toNanos() / 1e9,
                    pacingBound.toNanos() / 1e9, ratio(), (ratio() - 1) * 100);
        }
    }

    private ChainPullBenchmark() {
    }

    /** Pulls the chain once on a connected broker and measures it. */
    public static Report run(IbkrBroker broker, ChainRequest request) {
        int rate = broker.client().config().messagesPerSecond();
        long before = broker.client().messagesSent();
        long start = System.nanoTime();
        OptionChain chain = broker.optionChain(request);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long messages = broker.client().messagesSent() - before;
        // the first message needs no wait: n messages span (n - 1) pacing slots
        Duration bound = Duration.ofNanos(Math.max(0, messages - 1) * 1_000_000_000L / rate);
        return new Report(chain.options().size(), chain.missing().size(), messages, elapsed, bound);
    }

    /** The first listed expiry on or after {@code from} of the trading class (SMART preferred). */
    public static LocalDate nextExpiry(IbkrBroker broker, Contract underlying, String tradingClass, LocalDate from) {
        return ListedExpiries.firstOnOrAfter(broker, underlying, tradingClass, from);
    }
}
