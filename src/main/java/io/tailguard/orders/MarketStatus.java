package io.tailguard.orders;

import io.tailguard.domain.TraderTime;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a proposal's legs can be worked now: all their venues are in their regular session (until the
 * earliest close), or not (until the first moment all of them are open again). {@code venues} names the
 * hours that apply, for messages ("XSP options: Cboe index options 09:30-16:15 New York").
 */
public sealed interface MarketStatus {

    String venues();

    boolean isOpen();

    /** When an approved order is worked: now while open, else at the next open. */
    Instant workFrom(Instant now);

    /** One line for the trader. */
    String describe();

    record Open(String venues, Instant closesAt) implements MarketStatus {
        public Open {
            Objects.requireNonNull(venues, "venues");
            Objects.requireNonNull(closesAt, "closesAt");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public Instant workFrom(Instant now) {
            return now;
        }

        @Override
        public String describe() {
            return "open until " + TraderTime.format(closesAt) + " (" + venues + ")";
        }
    }

    record Closed(String venues, Instant opensAt, Instant closesAt) implements MarketStatus {
        public Closed {
            Objects.requireNonNull(venues, "venues");
            Objects.requireNonNull(opensAt, "opensAt");
            Objects.requireNonNull(closesAt, "closesAt");
        }

        @Override
        public boolean isOpen() {
            return false;
        }

        @Override
        public Instant workFrom(Instant now) {
            return opensAt.isAfter(now) ? opensAt : now;
        }

        @Override
        public String describe() {
            return "closed until " + TraderTime.format(opensAt) + " (" + venues + ")";
        }
    }

    /** {@code orders.marketHours: always}: a gateway that trades around the clock; no session is enforced. */
    record Unrestricted() implements MarketStatus {
        @Override
        public String venues() {
            return "orders.marketHours: always";
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public Instant workFrom(Instant now) {
            return now;
        }

        @Override
        public String describe() {
            return "not checked (orders.marketHours: always)";
        }
    }
}
