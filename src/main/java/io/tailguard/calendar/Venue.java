package io.tailguard.calendar;

import java.time.LocalTime;

/**
 * Where an instrument trades, which fixes its regular hours. An NYSE calendar alone is not enough:
 * Cboe index options (SPX, XSP) and options on the broad ETFs (SPY) trade until 16:15 ET, and until
 * 13:15 ET on an early-close day, a quarter of an hour after the stocks stop.
 */
public enum Venue {
    /** NYSE / NYSE Arca stocks and ETFs (UPRO, SPY): 09:30–16:00, 13:00 on an early close. */
    EQUITIES(LocalTime.of(9, 30), LocalTime.of(16, 0), LocalTime.of(13, 0)),
    /** Equity and single-ETF options (UPRO): same hours as the stocks. */
    EQUITY_OPTIONS(LocalTime.of(9, 30), LocalTime.of(16, 0), LocalTime.of(13, 0)),
    /** Cboe index options (SPX, SPXW, XSP) and SPY options: 09:30–16:15, 13:15 on an early close. */
    INDEX_OPTIONS(LocalTime.of(9, 30), LocalTime.of(16, 15), LocalTime.of(13, 15));

    private final LocalTime open;
    private final LocalTime close;
    private final LocalTime earlyClose;

    Venue(LocalTime open, LocalTime close, LocalTime earlyClose) {
        this.open = open;
        this.close = close;
        this.earlyClose = earlyClose;
    }

    public LocalTime open() {
        return open;
    }

    public LocalTime close() {
        return close;
    }

    public LocalTime earlyClose() {
        return earlyClose;
    }
}
