package io.tailguard.ledger;

import static io.tailguard.ledger.ReferenceWeek.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.domain.OrderSide;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleBookingTest {
    private final List<LedgerEntry> booked = new ArrayList<>(List.of(CycleBooking.positionAtStart(cycle()).withId(1)));

    private List<LedgerEntry> book(List<LedgerEntry> more) {
        more.forEach(e -> booked.add(e.withId(booked.size() + 1)));
        return more;
    }

    @Test
    void aCommissionTheBrokerRestatesIsBookedAsTheDifferenceNotByChangingTheFirst() {
        book(CycleBooking.book(CYCLE, putFill1(), booked));
        List<LedgerEntry> adjustment = book(CycleBooking.book(CYCLE,
                putFill1().withCommission(new BigDecimal("6.00")), booked));
        // 6.50 booked, 6.00 reported now: +0.50 under a new source ref
        assertThat(adjustment).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntryType.COMMISSION);
            assertThat(e.amount()).isEqualByComparingTo("0.50");
            assertThat(e.sourceRef()).isEqualTo("0000e0d5.6554a1b2.01#2");
        });
        assertThat(booked.get(2).amount()).isEqualByComparingTo("-6.50");
    }

    @Test
    void theSameFillReportedAgainBooksNothing() {
        book(CycleBooking.book(CYCLE, putFill1(), booked));
        assertThat(CycleBooking.book(CYCLE, putFill1(), booked)).isEmpty();
    }

    @Test
    void aPositionPartlyClosedEarlySettlesOnlyWhatIsLeft() {
        book(CycleBooking.book(CYCLE, putFill1(), booked));
        book(CycleBooking.book(CYCLE, putFill2(), booked));
        // Thursday: 6 of the 16 puts sold at 9.80 (+5,880.00)
        book(CycleBooking.book(CYCLE, fill("0000e0d5.6554c001.01.01", PUT_585, OrderSide.SELL, "6", "9.80", "3.90",
                4), booked));
        List<LedgerEntry> settlement = book(CycleBooking.cashSettlement(CYCLE, PUT_585, SETTLEMENT, FRIDAY_CLOSE,
                booked));
        // 10 left x 12.00 x 100 = 12,000.00
        assertThat(settlement).singleElement().satisfies(e -> {
            assertThat(e.quantity()).isEqualByComparingTo("-10");
            assertThat(e.amount()).isEqualByComparingTo("12000.00");
        });
    }

    @Test
    void aShortPutSettledInTheMoneyIsDebited() {
        book(CycleBooking.book(CYCLE, fill("0000e0d5.6554e001.01.01", PUT_585, OrderSide.SELL, "2", "3.00", "1.30",
                0), booked));
        // short 2 x 12.00 x 100 = -2,400.00
        assertThat(CycleBooking.cashSettlement(CYCLE, PUT_585, SETTLEMENT, FRIDAY_CLOSE, booked).get(0).amount())
                .isEqualByComparingTo("-2400.00");
    }

    @Test
    void refusesAnAssignmentOfMoreCallsThanAreShort() {
        book(CycleBooking.book(CYCLE, callFill(), booked));
        assertThatThrownBy(() -> CycleBooking.assignment(CYCLE, CALL_84, new BigDecimal("41"), FRIDAY_CLOSE, "a1",
                booked)).hasMessageContaining("cannot assign 41");
    }

    @Test
    void aPartialAssignmentLeavesTheRestOfTheShortCallsOpen() {
        book(CycleBooking.book(CYCLE, callFill(), booked));
        book(CycleBooking.assignment(CYCLE, CALL_84, new BigDecimal("15"), FRIDAY_CLOSE, "a1", booked));
        assertThat(Positions.open(booked).get(CALL_84.key())).isEqualByComparingTo("-25");
        // 4,000 - 1,500 shares called away at 84
        assertThat(Positions.open(booked).get("UPRO")).isEqualByComparingTo("2500");
        assertThat(CycleBooking.expiry(CYCLE, CALL_84, FRIDAY_CLOSE, booked).get(0).quantity())
                .isEqualByComparingTo("25");
    }
}
