package io.tailguard.broker.sim.market;

import io.tailguard.calendar.ExchangeCalendar;
import java.time.LocalDate;
import java.util.List;

/**
 * Canned scenarios for demos and regime tests. The reference bad week: UPRO from 79.79 at the
 * previous Friday's close to 73.06 five sessions later (-8.4 %), SPX following at a third of each
 * daily return plus a third of the drag.
 */
public final class Scenarios {

    public static final double REFERENCE_BAD_WEEK_START = 79.79;
    /** Monday to Friday closes of the reference bad week. */
    public static final List<Double> REFERENCE_BAD_WEEK_CLOSES = List.of(78.42, 76.85, 77.60, 75.12, 73.06);

    private Scenarios() {
    }

    /**
     * A config whose start levels put UPRO at 79.79 on the Friday before {@code monday}, the clock at
     * that Monday's open, and everything else from {@code base}.
     */
    public static MarketModelConfig referenceBadWeekConfig(MarketModelConfig base, LocalDate monday) {
        return base.withStart(monday.atTime(9, 30).atZone(ExchangeCalendar.NEW_YORK).toInstant(),
                base.spxStartLevel(), REFERENCE_BAD_WEEK_START);
    }

    /** Scripts the week's closes from {@code firstDay} (five consecutive sessions). */
    public static void applyReferenceBadWeek(ModelMarket market, LocalDate firstDay) {
        market.scriptUproCloses(firstDay, REFERENCE_BAD_WEEK_CLOSES);
    }
}
