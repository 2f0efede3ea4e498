package io.tailguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.OrderSide;
import io.tailguard.ledger.tax.LotMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaxYearViewTest {

    private static void book(List<LedgerEntry> booked, List<LedgerEntry> more) {
        more.forEach(e -> booked.add(e.withId(booked.size() + 1)));
    }

    private static BrokerFill fill(String execBase, Instrument i, OrderSide side, String qty, String price,
            String commission, String at) {
        return new BrokerFill(execBase + ".01", execBase, "", i, side, new BigDecimal(qty), new BigDecimal(price),
                Instant.parse(at), commission == null ? null : new BigDecimal(commission));
    }

    @Test
    void putsHeldOverNewYearAreMarkedAtYearEndAndEachYearIsSplitSixtyForty() {
        // bought Mon Dec 28 2026: 10 XSP 600 puts @ 2.00 (-2,000.00), commission 6.50
        // Dec 31 mark 3.50 (value 3,500.00); settled Fri Jan 8 2027 at 595.00: intrinsic 5.00 (+5,000.00)
        Instrument put = Instrument.put("XSP", LocalDate.of(2027, 1, 8), "600", 100);
        HedgeCycle c = HedgeCycle.open("2026-W53", "UPRO", LocalDate.of(2027, 1, 8),
                Instant.parse("2026-12-28T15:00:00Z"), BigDecimal.ZERO, new BigDecimal("80"));
        List<LedgerEntry> e = new ArrayList<>();
        book(e, List.of(CycleBooking.positionAtStart(c)));
        book(e, CycleBooking.book(c.id(), fill("x1", put, OrderSide.BUY, "10", "2.00", "6.50",
                "2026-12-28T15:01:00Z"), e));
        book(e, CycleBooking.cashSettlement(c.id(), put, new BigDecimal("595.00"), Instant.parse("2027-01-08T21:15:00Z"),
                e));
        Valuation dec31 = new Valuation(new BigDecimal("80"), Map.of(put.key(), new BigDecimal("3.50")));

        TaxYearView.Result y2026 = TaxYearView.of(2026, List.of(c), Map.of(c.id(), e),
                (id, year) -> year == 2026 ? Optional.of(dec31) : Optional.empty(), LotMethod.FIFO);
        // 2026: -2,000.00 - 6.50 realized + 3,500.00 year-end mark = 1,493.50 -> 896.10 long, 597.40 short
        assertThat(y2026.section1256().realized()).isEqualByComparingTo("-2006.50");
        assertThat(y2026.section1256().yearEndMark()).isEqualByComparingTo("3500.00");
        assertThat(y2026.section1256().longTerm()).isEqualByComparingTo("896.10");
        assertThat(y2026.section1256().shortTerm()).isEqualByComparingTo("597.40");

        TaxYearView.Result y2027 = TaxYearView.of(2027, List.of(c), Map.of(c.id(), e),
                (id, year) -> year == 2026 ? Optional.of(dec31) : Optional.empty(), LotMethod.FIFO);
        // 2027: 5,000.00 settlement - 3,500.00 already taxed in 2026 = 1,500.00 -> 900.00 / 600.00
        assertThat(y2027.section1256().total()).isEqualByComparingTo("1500.00");
        assertThat(y2027.section1256().longTerm()).isEqualByComparingTo("900.00");
        // the two years add up to the cycle's put P&L: 5,000.00 - 2,000.00 - 6.50 = 2,993.50
        assertThat(y2026.section1256().total().add(y2027.section1256().total())).isEqualByComparingTo("2993.50");
    }

    @Test
    void sharesSoldAtALossAndBoughtBackNextWeekAreFlaggedAsAWashSale() {
        Instrument upro = Instrument.shares("UPRO");
        HedgeCycle a = HedgeCycle.open("A", "UPRO", LocalDate.of(2026, 11, 27), Instant.parse("2026-11-23T15:00:00Z"),
                new BigDecimal("4000"), new BigDecimal("79.79"));
        HedgeCycle b = HedgeCycle.open("B", "UPRO", LocalDate.of(2026, 12, 4), Instant.parse("2026-11-30T15:00:00Z"),
                new BigDecimal("3000"), new BigDecimal("74.50"));
        List<LedgerEntry> ea = new ArrayList<>();
        book(ea, List.of(CycleBooking.positionAtStart(a)));
        // Wed: 1,000 sold at 74.00: loss 1,000 x (74.00 - 79.79) = -5,790.00 (commission 0)
        book(ea, CycleBooking.book("A", fill("s1", upro, OrderSide.SELL, "1000", "74.00", "0",
                "2026-11-25T15:00:00Z"), ea));
        List<LedgerEntry> eb = new ArrayList<>();
        book(eb, List.of(CycleBooking.positionAtStart(b)));
        // next Wednesday: 1,000 bought back at 75.00, 7 days later -> the whole loss is disallowed
        book(eb, CycleBooking.book("B", fill("b1", upro, OrderSide.BUY, "1000", "75.00", "0",
                "2026-12-02T15:00:00Z"), eb));

        TaxYearView.Result r = TaxYearView.of(2026, List.of(a, b), Map.of("A", ea, "B", eb),
                (id, year) -> Optional.empty(), LotMethod.FIFO);
        assertThat(r.washSales()).singleElement().satisfies(w -> {
            assertThat(w.disallowedLoss()).isEqualByComparingTo("5790.00");
            assertThat(w.replacementLotRef()).isEqualTo("B:b1.01");
        });
        assertThat(r.flags()).anyMatch(f -> f.startsWith("wash sale: 1000 shares of sale A:s1.01"));
        // replacement lot: 75,000.00 + 5,790.00 = 80,790.00
        assertThat(r.openLots()).filteredOn(l -> l.ref().equals("B:b1.01")).singleElement()
                .satisfies(l -> assertThat(l.basis()).isEqualByComparingTo("80790.00"));
        assertThat(r.section1256().total()).isEqualByComparingTo("0");
    }
}
