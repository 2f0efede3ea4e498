package io.tailguard.orders;

import io.tailguard.domain.TraderTime;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.calendar.Venue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketHoursTest {
    private static final MarketHours HOURS = MarketHours.exchange();
    private static final Contract XSP_PUT = Contract.option("XSP", LocalDate.of(2026, 12, 11), new BigDecimal("580"),
            OptionRight.PUT, "XSP", 100);
    private static final Contract UPRO_CALL = Contract.option("UPRO", LocalDate.of(2026, 12, 11), new BigDecimal("95"),
            OptionRight.CALL, "UPRO", 100);

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TraderTime.EXCHANGE_ZONE).toInstant();
    }

    @Test
    void xspOptionsTradeOnTheIndexOptionHoursAndUproOnTheEquityHours() {
        assertThat(MarketHours.venueOf(XSP_PUT)).isEqualTo(Venue.INDEX_OPTIONS);
        assertThat(MarketHours.venueOf(UPRO_CALL)).isEqualTo(Venue.EQUITY_OPTIONS);
        assertThat(MarketHours.venueOf(Contract.stock("UPRO"))).isEqualTo(Venue.EQUITIES);
    }

    @Test
    void anXspPutAt2013NewYorkIsClosedUntilTheNextMorningsOpen() {
        MarketStatus s = HOURS.status(List.of(XSP_PUT), ny("2026-12-03T20:13:00"));
        assertThat(s).isInstanceOf(MarketStatus.Closed.class);
        assertThat(s.isOpen()).isFalse();
        assertThat(((MarketStatus.Closed) s).opensAt()).isEqualTo(ny("2026-12-04T09:30:00"));
        assertThat(s.workFrom(ny("2026-12-03T20:13:00"))).isEqualTo(ny("2026-12-04T09:30:00"));
        assertThat(s.describe()).contains("closed until 2026-12-04 09:30:00 EST").contains("index options 09:30-16:15");
    }

    @Test
    void anXspPutAt1000IsOpenUntil1615AndAQuarterPastFourIsTooLate() {
        MarketStatus s = HOURS.status(List.of(XSP_PUT), ny("2026-12-04T10:00:00"));
        assertThat(s).isEqualTo(new MarketStatus.Open(s.venues(), ny("2026-12-04T16:15:00")));
        assertThat(HOURS.status(List.of(XSP_PUT), ny("2026-12-04T16:10:00")).isOpen()).isTrue();
        // Friday 16:15: the next session is Monday's
        MarketStatus late = HOURS.status(List.of(XSP_PUT), ny("2026-12-04T16:15:00"));
        assertThat(((MarketStatus.Closed) late).opensAt()).isEqualTo(ny("2026-12-07T09:30:00"));
    }

    @Test
    void aProposalWithUproCallsCanBeWorkedOnlyUntilTheEarlierCloseOfItsVenues() {
        assertThat(HOURS.status(List.of(XSP_PUT), ny("2026-12-04T16:05:00")).isOpen()).isTrue();
        MarketStatus both = HOURS.status(List.of(XSP_PUT, UPRO_CALL), ny("2026-12-04T16:05:00"));
        assertThat(both.isOpen()).isFalse();
        assertThat(both.venues()).contains("UPRO options: equity options 09:30-16:00").contains("XSP options");
    }

    @Test
    void theDayAfterThanksgivingClosesAt1315AndThanksgivingItselfIsClosed() {
        MarketStatus thursday = HOURS.status(List.of(XSP_PUT), ny("2026-11-26T11:00:00"));
        assertThat(((MarketStatus.Closed) thursday).opensAt()).isEqualTo(ny("2026-11-27T09:30:00"));
        assertThat(((MarketStatus.Closed) thursday).closesAt()).isEqualTo(ny("2026-11-27T13:15:00"));
        assertThat(HOURS.status(List.of(XSP_PUT), ny("2026-11-27T13:20:00")).isOpen()).isFalse();
    }

    @Test
    void aDayOrderSentAfterTheCloseEndsAtTheNextSessionsClose() {
        assertThat(HOURS.dayOrderEnd(XSP_PUT, ny("2026-12-04T10:00:00"))).contains(ny("2026-12-04T16:15:00"));
        assertThat(HOURS.dayOrderEnd(XSP_PUT, ny("2026-12-04T20:13:00"))).contains(ny("2026-12-07T16:15:00"));
    }

    @Test
    void alwaysEnforcesNoSession() {
        MarketHours always = MarketHours.of(MarketHours.Mode.ALWAYS);
        Instant night = ny("2026-12-05T03:00:00");
        assertThat(always.status(List.of(XSP_PUT), night).isOpen()).isTrue();
        assertThat(always.status(List.of(XSP_PUT), night).workFrom(night)).isEqualTo(night);
        assertThat(always.dayOrderEnd(XSP_PUT, night)).isEmpty();
    }
}
