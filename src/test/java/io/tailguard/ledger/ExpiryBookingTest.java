package io.tailguard.ledger;

import static io.tailguard.ledger.ReferenceWeek.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.FakeExpiryReports;
import io.tailguard.testing.FakeMarketPrices;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExpiryBookingTest {
    private final LedgerFixture f = new LedgerFixture();
    private final FakeExpiryReports reports = new FakeExpiryReports();
    private final FakeMarketPrices prices = new FakeMarketPrices().set("UPRO", "73.06");
    private final ExpiryBooking booking = new ExpiryBooking(f.ledger, reports, prices, f.clock);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void booksWhatTheBrokerReportedAndClosesTheCycleAtTheUnderlyingsClose() {
        f.referenceWeekOpened();
        f.clock.set(FRIDAY_CLOSE.plusSeconds(900));
        reports.report(PUT_585, new ExpiryReport.CashSettled(SETTLEMENT, FRIDAY_CLOSE))
                .report(CALL_84, new ExpiryReport.Expired(FRIDAY_CLOSE));

        assertThat(booking.run()).containsExactly(CYCLE);
        assertThat(f.ledger.result(CYCLE).net()).isEqualByComparingTo("-9366.40");
    }

    @Test
    void anOptionWithoutAReportKeepsTheCycleOpen() {
        f.referenceWeekOpened();
        f.clock.set(FRIDAY_CLOSE.plusSeconds(900));
        reports.report(PUT_585, new ExpiryReport.CashSettled(SETTLEMENT, FRIDAY_CLOSE));

        assertThat(booking.run()).isEmpty();
        assertThat(f.ledger.cycle(CYCLE).isOpen()).isTrue();
        assertThat(Positions.open(f.ledger.entries(CYCLE))).containsOnlyKeys("UPRO", CALL_84.key());
    }

    @Test
    void anAssignmentReportCallsTheSharesAway() {
        f.referenceWeekOpened();
        f.clock.set(FRIDAY_CLOSE.plusSeconds(900));
        prices.set("UPRO", "86.20");
        reports.report(PUT_585, new ExpiryReport.CashSettled(new BigDecimal("600.00"), FRIDAY_CLOSE))
                .report(CALL_84, new ExpiryReport.Assigned(new BigDecimal("40"), "assign-1", FRIDAY_CLOSE));
        booking.run();
        assertThat(f.ledger.cycle(CYCLE).sharesEnd()).isEqualByComparingTo("0");
        assertThat(f.ledger.result(CYCLE).underlying()).isEqualByComparingTo("16840.00");
    }

    @Test
    void nothingHappensBeforeTheExpiryDate() {
        f.referenceWeekOpened();
        reports.report(PUT_585, new ExpiryReport.CashSettled(SETTLEMENT, FRIDAY_CLOSE));
        assertThat(booking.run()).isEmpty();
        assertThat(f.ledger.entries(CYCLE)).noneMatch(e -> e.type() == EntryType.CASH_SETTLEMENT);
    }
}
