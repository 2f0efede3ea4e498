package io.tailguard.broker.sim.market;

import io.tailguard.calendar.Venue;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The listed option classes (IB trading classes). SPX monthlies are AM-settled on the third Friday
 * (trading ends the session before); SPXW and XSP are PM-settled Mon/Wed/Fri weeklies plus the
 * third Friday; UPRO and SPY are American options expiring on Fridays. Cboe index options and SPY
 * options trade until 16:15, UPRO options until 16:00.
 *
 * <p>Strike grid: {@code fineStep} within {@code ±fineWidth} of the underlying's range since listing,
 * {@code coarseStep} out to {@code -coarseDown} / {@code +coarseUp}.
 */
public enum OptionClass {
    SPX(1, Underlying.SPX, "SPX", "SPX", EnumSet.noneOf(DayOfWeek.class), true, true, false,
            Venue.INDEX_OPTIONS, MarketRules.NICKEL_DIME, "5", 0.15, "25", 0.50, 0.25),
    SPXW(2, Underlying.SPX, "SPX", "SPXW", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
            true, false, false, Venue.INDEX_OPTIONS, MarketRules.NICKEL_DIME, "5", 0.15, "25", 0.50, 0.25),
    XSP(3, Underlying.XSP, "XSP", "XSP", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
            true, false, false, Venue.INDEX_OPTIONS, MarketRules.PENNY_NICKEL, "1", 0.15, "5", 0.50, 0.25),
    UPRO(4, Underlying.UPRO, "UPRO", "UPRO", EnumSet.of(DayOfWeek.FRIDAY), true, false, true,
            Venue.EQUITY_OPTIONS, MarketRules.PENNY_NICKEL, "0.5", 0.15, "1", 0.60, 0.40),
    SPY(5, Underlying.SPY, "SPY", "SPY", EnumSet.of(DayOfWeek.FRIDAY), true, false, true,
            Venue.INDEX_OPTIONS, MarketRules.PENNY, "1", 0.20, "5", 0.50, 0.25);

    /** Options are listed this many calendar days ahead (about eight weeks of weeklies). */
    static final int LISTING_HORIZON_DAYS = 56;
    /** Monthlies (third Friday) are listed further out: the next three. */
    static final int MONTHLY_HORIZON_DAYS = 100;

    private final int code;
    private final Underlying underlying;
    private final String symbol;
    private final String tradingClass;
    private final Set<DayOfWeek> weeklyDays;
    private final boolean monthly;
    private final boolean amSettled;
    private final boolean american;
    private final Venue venue;
    private final int marketRuleId;
    private final BigDecimal fineStep;
    private final double fineWidth;
    private final BigDecimal coarseStep;
    private final double coarseDown;
    private final double coarseUp;

    OptionClass(int code, Underlying underlying, String symbol, String tradingClass, Set<DayOfWeek> weeklyDays,
            boolean monthly, boolean amSettled, boolean american, Venue venue, int marketRuleId, String fineStep,
            double fineWidth, String coarseStep, double coarseDown, double coarseUp) {
        this.code = code;
        this.underlying = underlying;
        this.symbol = symbol;
        this.tradingClass = tradingClass;
        this.weeklyDays = weeklyDays;
        this.monthly = monthly;
        this.amSettled = amSettled;
        this.american = american;
        this.venue = venue;
        this.marketRuleId = marketRuleId;
        this.fineStep = new BigDecimal(fineStep);
        this.fineWidth = fineWidth;
        this.coarseStep = new BigDecimal(coarseStep);
        this.coarseDown = coarseDown;
        this.coarseUp = coarseUp;
    }

    int code() {
        return code;
    }

    public Underlying underlying() {
        return underlying;
    }

    /** IB's symbol of the option: the underlying's (SPXW options have symbol SPX). */
    public String symbol() {
        return symbol;
    }

    public String tradingClass() {
        return tradingClass;
    }

    Set<DayOfWeek> weeklyDays() {
        return weeklyDays;
    }

    boolean listsMonthly() {
        return monthly;
    }

    /** SPX monthlies settle on the opening prints of the expiry day; trading stops the session before. */
    public boolean amSettled() {
        return amSettled;
    }

    public boolean american() {
        return american;
    }

    public Venue venue() {
        return venue;
    }

    public int marketRuleId() {
        return marketRuleId;
    }

    public int multiplier() {
        return 100;
    }

    BigDecimal fineStep() {
        return fineStep;
    }

    double fineWidth() {
        return fineWidth;
    }

    BigDecimal coarseStep() {
        return coarseStep;
    }

    double coarseDown() {
        return coarseDown;
    }

    double coarseUp() {
        return coarseUp;
    }

    /** Unit of the strike in the conId encoding: every strike of the class is a multiple of it. */
    BigDecimal strikeUnit() {
        return this == SPX || this == SPXW ? new BigDecimal("5") : new BigDecimal("0.5");
    }

    static Optional<OptionClass> byCode(int code) {
        for (OptionClass c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
