package io.tailguard.ledger;

import static io.tailguard.ledger.ReferenceWeek.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.testing.FakeMarketPrices;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DailyMarkToMarketTest {
    private final LedgerFixture f = new LedgerFixture();
    private final FakeMarketPrices prices = new FakeMarketPrices();
    private final DailyMarkToMarket mtm = new DailyMarkToMarket(f.ledger, f.store, prices, f.clock);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void marksAnOpenCycleFromQuotesWithoutChangingAnyBookedEntry() {
        f.referenceWeekOpened();
        List<LedgerEntry> before = f.ledger.entries(CYCLE);
        // Wednesday after the close: UPRO 76.00, the 585 put 7.40, the 84 call 0.20
        f.clock.set(Instant.parse("2026-11-25T21:30:00Z"));
        prices.set("UPRO", "76.00").set(PUT_585.key(), "7.40").set(CALL_84.key(), "0.20");

        DailyMarkToMarket.Outcome outcome = mtm.run();

        assertThat(f.ledger.entries(CYCLE)).isEqualTo(before);
        assertThat(outcome.marked()).hasSize(1);
        // underlying 4,000 x (76.00 - 79.79) = -15,160.00
        // puts 16 x 7.40 x 100 - 5,010.00 = 11,840.00 - 5,010.00 = 6,830.00
        // calls 3,400.00 - 40 x 0.20 x 100 = 3,400.00 - 800.00 = 2,600.00; commissions -36.40
        LedgerStore.Mark mark = f.store.marks(CYCLE).get(0);
        assertThat(mark.date()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(mark.net()).isEqualByComparingTo("-5766.40");
        assertThat(mark.puts()).isEqualByComparingTo("6830.00");
        assertThat(mark.calls()).isEqualByComparingTo("2600.00");
        assertThat(Valuation.parse("UPRO", mark.prices()).optionPrices()).hasSize(2);
        assertThat(mark.prices()).isEqualTo("UPRO=76.00; UPRO 2026-11-27 84 C=0.20; XSP 2026-11-27 585 P=7.40");
    }

    @Test
    void aSecondRunTheSameDayReplacesTheMark() {
        f.referenceWeekOpened();
        prices.set("UPRO", "76.00").set(PUT_585.key(), "7.40").set(CALL_84.key(), "0.20");
        mtm.run();
        prices.set("UPRO", "75.00");
        mtm.run();
        assertThat(f.store.marks(CYCLE)).singleElement()
                .satisfies(m -> assertThat(m.underlyingPrice()).isEqualByComparingTo("75.00"));
    }

    @Test
    void aCycleWithAnUnquotedOptionIsReportedNotMarkedWithAGuess() {
        f.referenceWeekOpened();
        prices.set("UPRO", "76.00").set(PUT_585.key(), "7.40");
        DailyMarkToMarket.Outcome outcome = mtm.run();
        assertThat(outcome.marked()).isEmpty();
        assertThat(outcome.unmarked()).containsEntry(CYCLE, "no quote for " + CALL_84.key());
        assertThat(f.store.marks(CYCLE)).isEmpty();
    }

    @Test
    void closedCyclesAreNotMarked() {
        f.referenceWeekOpened();
        f.ledger.recordCashSettlement(CYCLE, PUT_585, SETTLEMENT, FRIDAY_CLOSE);
        f.ledger.recordExpiry(CYCLE, CALL_84, FRIDAY_CLOSE);
        f.ledger.closeCycle(CYCLE, UPRO_CLOSE, FRIDAY_CLOSE);
        prices.set("UPRO", "76.00");
        assertThat(mtm.run().marked()).isEmpty();
    }
}
