package io.tailguard.ledger;

import static io.tailguard.ledger.ReferenceWeek.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CyclePnlCalculatorTest {
    private static final BigDecimal COMMITMENT = new BigDecimal("0.25");

    /** Books entries the way the store does: each report sees what was booked before it. */
    static List<LedgerEntry> referenceEntries() {
        List<LedgerEntry> booked = new ArrayList<>();
        booked.add(CycleBooking.positionAtStart(cycle()).withId(1));
        for (BrokerFill f : List.of(putFill1(), putFill2(), callFill())) {
            addAll(booked, CycleBooking.book(CYCLE, f, booked));
        }
        addAll(booked, CycleBooking.cashSettlement(CYCLE, PUT_585, SETTLEMENT, FRIDAY_CLOSE, booked));
        addAll(booked, CycleBooking.expiry(CYCLE, CALL_84, FRIDAY_CLOSE, booked));
        return booked;
    }

    static void addAll(List<LedgerEntry> booked, List<LedgerEntry> more) {
        more.forEach(e -> booked.add(e.withId(booked.size() + 1)));
    }

    @Test
    void referenceWeekReconcilesToTheCentWithTheFillsAndTheSettlement() {
        HedgeCycle closed = cycle().closed(new BigDecimal("4000"), UPRO_CLOSE, FRIDAY_CLOSE);
        CyclePnl pnl = CyclePnlCalculator.DEFAULT.compute(closed, referenceEntries(), Valuation.at(UPRO_CLOSE),
                COMMITMENT);

        // start value 4,000 x 79.79 = 319,160.00
        assertThat(pnl.startValue()).isEqualByComparingTo("319160.00");
        // underlying: 4,000 x (73.06 - 79.79) = 4,000 x -6.73 = -26,920.00 (no shares traded: same as unhedged)
        assertThat(pnl.underlying()).isEqualByComparingTo("-26920.00");
        assertThat(pnl.unhedged()).isEqualByComparingTo("-26920.00");
        // puts: paid 10 x 3.12 x 100 = 3,120.00 and 6 x 3.15 x 100 = 1,890.00, 5,010.00 in all;
        // settled at 573.00: intrinsic 585 - 573 = 12.00, 16 x 12.00 x 100 = 19,200.00 credited;
        // 19,200.00 - 5,010.00 = 14,190.00
        assertThat(pnl.premiumPaid()).isEqualByComparingTo("5010.00");
        assertThat(pnl.settlementCash()).isEqualByComparingTo("19200.00");
        assertThat(pnl.puts()).isEqualByComparingTo("14190.00");
        // calls: sold 40 x 0.85 x 100 = 3,400.00; UPRO 73.06 < 84 so they expired worthless: +3,400.00
        assertThat(pnl.premiumReceived()).isEqualByComparingTo("3400.00");
        assertThat(pnl.calls()).isEqualByComparingTo("3400.00");
        // commissions: 6.50 + 3.90 + 26.00 = 36.40
        assertThat(pnl.commissions()).isEqualByComparingTo("-36.40");
        assertThat(pnl.commissionsUnknown()).isZero();
        // net: -26,920.00 + 14,190.00 + 3,400.00 - 36.40 = -9,366.40
        assertThat(pnl.net()).isEqualByComparingTo("-9366.40");
        // returns: -26,920.00 / 319,160.00 = -8.4346% ; -9,366.40 / 319,160.00 = -2.9347%
        assertThat(CyclePnl.percent(pnl.unhedgedReturn(), 1)).isEqualByComparingTo("-8.4");
        assertThat(CyclePnl.percent(pnl.unhedgedReturn(), 2)).isEqualByComparingTo("-8.43");
        assertThat(CyclePnl.percent(pnl.hedgedReturn(), 2)).isEqualByComparingTo("-2.93");
        // mitigation: (-9,366.40 + 26,920.00) / 26,920.00 = 17,553.60 / 26,920.00 = 65.21%
        assertThat(CyclePnl.percent(pnl.lossMitigation(), 2)).isEqualByComparingTo("65.21");
        // portfolio at 25% commitment: -8.4346% x 0.25 = -2.11%; -2.9347% x 0.25 = -0.73%
        assertThat(CyclePnl.percent(pnl.portfolioImpactUnhedged(), 2)).isEqualByComparingTo("-2.11");
        assertThat(CyclePnl.percent(pnl.portfolioImpactHedged(), 2)).isEqualByComparingTo("-0.73");
    }

    @Test
    void netEqualsTheCashOfEveryEntryPlusTheSharesHeldAtTheClose() {
        List<LedgerEntry> entries = referenceEntries();
        BigDecimal cash = entries.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        // cash: -319,160.00 (start) - 5,010.00 + 3,400.00 - 36.40 + 19,200.00 = -301,606.40
        assertThat(cash).isEqualByComparingTo("-301606.40");
        // + 4,000 x 73.06 = 292,240.00 -> -9,366.40
        CyclePnl pnl = CyclePnlCalculator.DEFAULT.compute(cycle(), entries, Valuation.at(UPRO_CLOSE), COMMITMENT);
        assertThat(cash.add(new BigDecimal("292240.00"))).isEqualByComparingTo(pnl.net());
        assertThat(pnl.underlying().add(pnl.puts()).add(pnl.calls()).add(pnl.commissions()))
                .isEqualByComparingTo(pnl.net());
    }

    @Test
    void anOpenCycleIsValuedAtTheOptionMarks() {
        List<LedgerEntry> booked = new ArrayList<>();
        booked.add(CycleBooking.positionAtStart(cycle()).withId(1));
        addAll(booked, CycleBooking.book(CYCLE, putFill1(), booked));
        // Wednesday: UPRO 76.00, the 585 put marked at 7.40
        CyclePnl pnl = CyclePnlCalculator.DEFAULT.compute(cycle(), booked,
                new Valuation(new BigDecimal("76.00"), Map.of(PUT_585.key(), new BigDecimal("7.40"))), COMMITMENT);
        // underlying 4,000 x (76.00 - 79.79) = -15,160.00; puts 10 x (7.40 - 3.12) x 100 = 4,280.00; comm -6.50
        assertThat(pnl.underlying()).isEqualByComparingTo("-15160.00");
        assertThat(pnl.puts()).isEqualByComparingTo("4280.00");
        assertThat(pnl.net()).isEqualByComparingTo("-10886.50");
        assertThat(pnl.closed()).isFalse();
    }

    @Test
    void refusesToValueAnOpenOptionWithoutAPrice() {
        List<LedgerEntry> booked = new ArrayList<>();
        booked.add(CycleBooking.positionAtStart(cycle()).withId(1));
        addAll(booked, CycleBooking.book(CYCLE, putFill1(), booked));
        assertThatThrownBy(() -> CyclePnlCalculator.DEFAULT.compute(cycle(), booked, Valuation.at(UPRO_CLOSE),
                COMMITMENT)).hasMessageContaining("XSP 2026-11-27 585 P");
    }

    @Test
    void aWeekTheUnderlyingGainedHasNoMitigation() {
        List<LedgerEntry> entries = referenceEntries();
        CyclePnl pnl = CyclePnlCalculator.DEFAULT.compute(cycle(), entries, Valuation.at(new BigDecimal("80.00")),
                COMMITMENT);
        assertThat(pnl.unhedged()).isEqualByComparingTo("840.00");
        assertThat(pnl.lossMitigation()).isNull();
    }
}
