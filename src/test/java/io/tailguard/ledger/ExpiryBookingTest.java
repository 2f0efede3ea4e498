package io.tailguard.ledger;

import static io.tailguard.ledger.ReferenceWeek.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.testing.FakeExpiryReports;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExpiryBookingTest {
    private final LedgerFixture f = new LedgerFixture();
    private final FakeExpiryReports reports = new FakeExpiryReports().close("UPRO", EXPIRY, "73.06");
    private final ExpiryBooking booking = new ExpiryBooking(f.ledger, reports, f.clock);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void booksWhatTheBrokerReportedAndClosesTheCycleAtTheUnderlyingsCloseOnTheExpiryDate() {
        f.referenceWeekOpened();
        f.clock.set(FRIDAY_CLOSE.plusSeconds(900));
        reports.report(PUT_585, new ExpiryReport.CashSettled(SETTLEMENT, FRIDAY_CLOSE))
                .report(CALL_84, new ExpiryReport.Expired(FRIDAY_CLOSE));

        assertThat(booking.run()).containsExactly(CYCLE);
        assertThat(f.ledger.cycle(CYCLE).priceEnd()).isEqualByComparingTo("73.06");
        assertThat(f.ledger.result(CYCLE).net()).isEqualByComparingTo("-9366.40");
    }

    @Test
    void anOptionWithoutAReportKeepsTheCycleOpenAndSaysWhy() {
        f.referenceWeekOpened();
        f.clock.set(FRIDAY_CLOSE.plusSeconds(900));
        reports.report(PUT_585, new ExpiryReport.CashSettled(SETTLEMENT, FRIDAY_CLOSE));

        ExpiryBooking.Outcome outcome = booking.book();

        assertThat(outcome.closed()).isEmpty();
        assertThat(outcome.pending().get(CYCLE)).contains(CALL_84.key()).contains("not reported yet");
        assertThat(f.ledger.cycle(CYCLE).isOpen()).isTrue();
        assertThat(Positions.open(f.ledger.entries(CYCLE))).containsOnlyKeys("UPRO", CALL_84.key());
    }

    @Test
    void withoutTheUnderlyingsCloseOnTheExpiryDateTheCycleStaysOpen() {
        f.referenceWeekOpened();
        f.clock.set(FRIDAY_CLOSE.plusSeconds(900));
        FakeExpiryReports noBar = new FakeExpiryReports()
                .report(PUT_585, new ExpiryReport.CashSettled(SETTLEMENT, FRIDAY_CLOSE))
                .report(CALL_84, new ExpiryReport.Expired(FRIDAY_CLOSE));

        ExpiryBooking.Outcome outcome = new ExpiryBooking(f.ledger, noBar, f.clock).book();

        assertThat(outcome.closed()).isEmpty();
        assertThat(outcome.pending().get(CYCLE)).isEqualTo("no daily bar of UPRO for " + EXPIRY + " yet");
        assertThat(Positions.open(f.ledger.entries(CYCLE))).containsOnlyKeys("UPRO");
        assertThat(f.ledger.cycle(CYCLE).isOpen()).isTrue();
    }

    @Test
    void inconsistentEvidenceBooksNothingForThatOptionAndIsReportedAsAProblem() {
        f.referenceWeekOpened();
        f.clock.set(FRIDAY_CLOSE.plusSeconds(900));
        reports.report(PUT_585, new ExpiryReport.CashSettled(SETTLEMENT, FRIDAY_CLOSE))
                .finding(CALL_84, new ExpiryFinding.Inconsistent("UPRO shares: 4000 -> 3950"));
        int before = f.ledger.entries(CYCLE).size();

        ExpiryBooking.Outcome outcome = booking.book();

        assertThat(outcome.problems()).containsExactly(CYCLE + " " + CALL_84.key() + ": UPRO shares: 4000 -> 3950");
        assertThat(f.ledger.entries(CYCLE)).hasSize(before + 1)
                .last().satisfies(e -> assertThat(e.type()).isEqualTo(EntryType.CASH_SETTLEMENT));
        assertThat(f.ledger.cycle(CYCLE).isOpen()).isTrue();
    }

    @Test
    void aPartialAssignmentAndTheRestExpiredAreBookedInOrder() {
        f.referenceWeekOpened();
        f.clock.set(FRIDAY_CLOSE.plusSeconds(900));
        reports.close("UPRO", EXPIRY, "84.50")
                .report(PUT_585, new ExpiryReport.CashSettled(new BigDecimal("600.00"), FRIDAY_CLOSE))
                .report(CALL_84, new ExpiryReport.Assigned(new BigDecimal("15"), "assign-1", FRIDAY_CLOSE),
                        new ExpiryReport.Expired(FRIDAY_CLOSE));

        assertThat(booking.run()).containsExactly(CYCLE);

        assertThat(f.ledger.cycle(CYCLE).sharesEnd()).isEqualByComparingTo("2500");
        // 2,500 x (84.50 - 79.79) + 1,500 x (84 - 79.79)
        assertThat(f.ledger.result(CYCLE).underlying()).isEqualByComparingTo("18090.00");
    }

    @Test
    void anAssignmentReportCallsTheSharesAway() {
        f.referenceWeekOpened();
        f.clock.set(FRIDAY_CLOSE.plusSeconds(900));
        reports.close("UPRO", EXPIRY, "86.20")
                .report(PUT_585, new ExpiryReport.CashSettled(new BigDecimal("600.00"), FRIDAY_CLOSE))
                .report(CALL_84, new ExpiryReport.Assigned(new BigDecimal("40"), "assign-1", FRIDAY_CLOSE));
        booking.run();
        assertThat(f.ledger.cycle(CYCLE).sharesEnd()).isEqualByComparingTo("0");
        assertThat(f.ledger.result(CYCLE).underlying()).isEqualByComparingTo("16840.00");
    }

    @Test
    void nothingHappensBeforeTheExpiryDate() {
        f.referenceWeekOpened();
        reports.report(PUT_585, new ExpiryReport.CashSettled(SETTLEMENT, FRIDAY_CLOSE));
        assertThat(booking.book().describe()).isEqualTo("no hedge cycle past its expiry");
        assertThat(f.ledger.entries(CYCLE)).noneMatch(e -> e.type() == EntryType.CASH_SETTLEMENT);
    }
}
