package io.tailguard.ledger;

import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The reference week, from constructed fills. 4,000 UPRO at 79.79 on Monday close the week at 73.06
 * (−8.43%, S&amp;P about −2.9%); XSP goes from about 590 to a 573.00 settlement.
 * Hedge: 16 XSP 585 puts bought in two partial fills, 10 @ 3.12 and 6 @ 3.15; 40 UPRO 84 calls sold @ 0.85.
 */
public final class ReferenceWeek {
    public static final String CYCLE = "2026-W48";
    public static final LocalDate EXPIRY = LocalDate.of(2026, 11, 27);
    public static final Instant MONDAY = Instant.parse("2026-11-23T15:05:00Z");
    public static final Instant FRIDAY_CLOSE = Instant.parse("2026-11-27T21:15:00Z");
    public static final Instrument PUT_585 = Instrument.put("XSP", EXPIRY, "585", 100);
    public static final Instrument CALL_84 = Instrument.call("UPRO", EXPIRY, "84", 100);
    public static final BigDecimal SETTLEMENT = new BigDecimal("573.00");
    public static final BigDecimal UPRO_CLOSE = new BigDecimal("73.06");

    public static HedgeCycle cycle() {
        return HedgeCycle.open(CYCLE, "UPRO", EXPIRY, MONDAY, new BigDecimal("4000"), new BigDecimal("79.79"));
    }

    public static BrokerFill putFill1() {
        return fill("0000e0d5.6554a1b2.01.01", PUT_585, OrderSide.BUY, "10", "3.12", "6.50", 0);
    }

    public static BrokerFill putFill2() {
        return fill("0000e0d5.6554a1b3.01.01", PUT_585, OrderSide.BUY, "6", "3.15", "3.90", 1);
    }

    public static BrokerFill callFill() {
        return fill("0000e0d5.6554a1b4.01.01", CALL_84, OrderSide.SELL, "40", "0.85", "26.00", 2);
    }

    public static BrokerFill fill(String execId, Instrument i, OrderSide side, String qty, String price, String commission,
            int minute) {
        return new BrokerFill(execId, execId.substring(0, execId.lastIndexOf('.')), "P1-L" + minute, i, side,
                new BigDecimal(qty), new BigDecimal(price), MONDAY.plusSeconds(60L * minute),
                commission == null ? null : new BigDecimal(commission));
    }

    private ReferenceWeek() {
    }
}
