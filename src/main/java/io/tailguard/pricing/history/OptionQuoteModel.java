package io.tailguard.pricing.history;

import io.tailguard.domain.OptionRight;
import java.time.LocalDate;

/**
 * The quote of one listed option at the close of {@code day}, modelled from that day's market alone (point in time:
 * nothing dated after {@code day.date()} is read). Implementations are immutable and thread-safe.
 */
public interface OptionQuoteModel {

    ModelledQuote quote(MarketDay day, ModelledUnderlying underlying, OptionRight right, double strike,
            LocalDate expiry);
}
