package io.tailguard.ledger;

import static io.tailguard.ledger.ReferenceWeek.CALL_84;
import static io.tailguard.ledger.ReferenceWeek.CYCLE;
import static io.tailguard.ledger.ReferenceWeek.EXPIRY;
import static io.tailguard.ledger.ReferenceWeek.PUT_585;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.StubBroker;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The adapter from broker evidence, against a stub broker: positions, the underlyings it lists and their
 * daily bars. The cycle holds 16 XSP 585 puts, 40 short UPRO 84 calls and 4,000 UPRO.
 */
class BrokerExpiryReportsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant SETTLED_AT = EXPIRY.atTime(LocalTime.of(16, 0)).atZone(NEW_YORK).toInstant();
    private static final String ACCOUNT = "DU1234567";
    private static final Contract PUT = Contract.option("XSP", EXPIRY, new BigDecimal("585"), OptionRight.PUT, "XSP", 100);
    private static final Contract CALL = Contract.option("UPRO", EXPIRY, new BigDecimal("84"), OptionRight.CALL, "UPRO",
            100);
    private static final Instrument CALL_86 = Instrument.call("UPRO", EXPIRY, "86", 100);

    private final MutableClock clock = new MutableClock(SETTLED_AT.plusSeconds(40 * 60));
    private final StubBroker broker = new StubBroker().listing(Contract.index("XSP", "CBOE"))
            .listing(Contract.stock("UPRO"));
    private final BrokerExpiryReports reports = new BrokerExpiryReports(broker, clock);

    private Map<String, ExpiryFinding> findings(Map<Instrument, BigDecimal> options) {
        return reports.findings(options, Map.of("UPRO", new BigDecimal("4000")));
    }

    private static Map<Instrument, BigDecimal> held(Object... instrumentThenQty) {
        Map<Instrument, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < instrumentThenQty.length; i += 2) {
            m.put((Instrument) instrumentThenQty[i], new BigDecimal((String) instrumentThenQty[i + 1]));
        }
        return m;
    }

    private static List<ExpiryReport> reported(ExpiryFinding f) {
        assertThat(f).isInstanceOf(ExpiryFinding.Reported.class);
        return ((ExpiryFinding.Reported) f).reports();
    }

    @Test
    void anOptionStillInTheBrokersPositionsIsPending() {
        broker.holding(ACCOUNT, PUT, "16").holding("UPRO", 4000).bar("XSP", EXPIRY, 573.00);

        ExpiryFinding f = findings(held(PUT_585, "16")).get(PUT_585.key());

        assertThat(f).isEqualTo(new ExpiryFinding.Pending("still held at the broker (16)"));
    }

    @Test
    void anotherAccountsPositionOfTheSameOptionDoesNotCountAsHeld() {
        broker.holding("DU7654321", PUT, "16").holding("UPRO", 4000).bar("XSP", EXPIRY, 573.00);

        assertThat(reported(findings(held(PUT_585, "16")).get(PUT_585.key())))
                .containsExactly(new ExpiryReport.CashSettled(new BigDecimal("573.0"), SETTLED_AT));
    }

    @Test
    void anXspPutInTheMoneyThatLeftSettlesAtTheIndexsCloseOfTheExpiryDate() {
        broker.holding("UPRO", 4000).bar("XSP", EXPIRY.minusDays(2), 580.00).bar("XSP", EXPIRY, 573.00)
                .bar("XSP", EXPIRY.plusDays(3), 590.00);

        List<ExpiryReport> r = reported(findings(held(PUT_585, "16")).get(PUT_585.key()));

        assertThat(r).singleElement().isInstanceOfSatisfying(ExpiryReport.CashSettled.class, s -> {
            assertThat(s.settlementPrice()).isEqualByComparingTo("573.00");
            assertThat(s.at()).isEqualTo(SETTLED_AT);
        });
    }

    @Test
    void anXspPutOutOfTheMoneySettlesTooAtTheClose() {
        broker.holding("UPRO", 4000).bar("XSP", EXPIRY, 601.25);

        assertThat(reported(findings(held(PUT_585, "16")).get(PUT_585.key())))
                .containsExactly(new ExpiryReport.CashSettled(new BigDecimal("601.25"), SETTLED_AT));
    }

    @Test
    void withoutADailyBarOfTheExpiryDateTheSettlementIsPendingNotGuessed() {
        broker.holding("UPRO", 4000).bar("XSP", EXPIRY.minusDays(1), 575.00);

        assertThat(findings(held(PUT_585, "16")).get(PUT_585.key()))
                .isEqualTo(new ExpiryFinding.Pending("no daily bar of XSP for " + EXPIRY
                        + " yet: the settlement value is not known"));
    }

    @Test
    void beforeTheCloseOfTheExpiryDayNothingIsReadAndNothingReported() {
        clock.set(SETTLED_AT.minusSeconds(60));
        broker.holding("UPRO", 4000).bar("XSP", EXPIRY, 573.00);

        assertThat(findings(held(PUT_585, "16")).get(PUT_585.key())).isInstanceOf(ExpiryFinding.Pending.class);
        assertThat(reports.closeOn("UPRO", EXPIRY)).isEmpty();
        assertThat(broker.dailyBarCalls()).isZero();
    }

    @Test
    void cashOrSharesIsDecidedByTheUnderlyingTheBrokerLists() {
        // a broker that lists XSP as a stock (no index): the put is then judged by the share count
        StubBroker stocks = new StubBroker().listing(Contract.stock("XSP")).holding("UPRO", 4000)
                .bar("XSP", EXPIRY, 573.00);
        Map<String, ExpiryFinding> f = new BrokerExpiryReports(stocks, clock).findings(held(PUT_585, "16"),
                Map.of("UPRO", new BigDecimal("4000")));
        assertThat(reported(f.get(PUT_585.key()))).containsExactly(new ExpiryReport.Expired(SETTLED_AT));

        StubBroker unknown = new StubBroker().listing(Contract.stock("UPRO"));
        assertThat(new BrokerExpiryReports(unknown, clock).findings(held(PUT_585, "16"), Map.of()).get(PUT_585.key()))
                .isEqualTo(new ExpiryFinding.Inconsistent("the broker lists no index and no stock XSP: cannot tell "
                        + "how the option settles"));
    }

    @Test
    void aShortUproCallThatLeftWithTheSharesUnmovedExpired() {
        broker.holding("UPRO", 4000);

        assertThat(reported(findings(held(CALL_84, "-40")).get(CALL_84.key())))
                .containsExactly(new ExpiryReport.Expired(SETTLED_AT));
    }

    @Test
    void aShortUproCallStillHeldIsPending() {
        broker.holding("UPRO", 4000).holding(ACCOUNT, CALL, "-40");

        assertThat(findings(held(CALL_84, "-40")).get(CALL_84.key()))
                .isEqualTo(new ExpiryFinding.Pending("still held at the broker (-40)"));
    }

    @Test
    void sharesCalledAwayFor40ContractsAreAFullAssignment() {
        // no UPRO position left at all
        List<ExpiryReport> r = reported(findings(held(CALL_84, "-40")).get(CALL_84.key()));

        assertThat(r).singleElement().isInstanceOfSatisfying(ExpiryReport.Assigned.class, a -> {
            assertThat(a.contracts()).isEqualByComparingTo("40");
            assertThat(a.reportRef()).isEqualTo("broker positions after " + EXPIRY + ": UPRO 4000 -> 0");
            assertThat(a.at()).isEqualTo(SETTLED_AT);
        });
    }

    @Test
    void sharesCalledAwayFor15OfThe40ContractsAreAPartialAssignmentAndTheRestExpired() {
        broker.holding("UPRO", 2500);

        List<ExpiryReport> r = reported(findings(held(CALL_84, "-40")).get(CALL_84.key()));

        assertThat(r).hasSize(2);
        assertThat(r.get(0)).isInstanceOfSatisfying(ExpiryReport.Assigned.class,
                a -> assertThat(a.contracts()).isEqualByComparingTo("15"));
        assertThat(r.get(1)).isEqualTo(new ExpiryReport.Expired(SETTLED_AT));
    }

    @Test
    void aShareChangeThatIsNotAWholeNumberOfContractsIsInconsistent() {
        broker.holding("UPRO", 3950);

        assertThat(findings(held(CALL_84, "-40")).get(CALL_84.key()))
                .isEqualTo(new ExpiryFinding.Inconsistent("UPRO shares: the cycle holds 4000, the broker shows 3950: "
                        + "a change of 50 is not a multiple of 100 shares per contract"));
    }

    @Test
    void moreSharesGoneThanTheShortCallsCoverIsInconsistent() {
        broker.holding("UPRO", 1000);

        assertThat(findings(held(CALL_84, "-10")).get(CALL_84.key()))
                .isEqualTo(new ExpiryFinding.Inconsistent("UPRO shares: the cycle holds 4000, the broker shows 1000: "
                        + "30 contracts' worth of shares left, but only 10 calls were short"));
    }

    @Test
    void sharesThatWentUpAreInconsistent() {
        broker.holding("UPRO", 4100);

        assertThat(findings(held(CALL_84, "-40")).get(CALL_84.key()))
                .isInstanceOfSatisfying(ExpiryFinding.Inconsistent.class,
                        x -> assertThat(x.problem()).endsWith("shares went up, which no assignment of short calls explains"));
    }

    @Test
    void withTwoCallSeriesTheDeliveryIsAttributedToTheOnesInTheMoneyAtTheClose() {
        broker.holding("UPRO", 2000).bar("UPRO", EXPIRY, 85.10);

        Map<String, ExpiryFinding> f = findings(held(CALL_84, "-20", CALL_86, "-20"));

        assertThat(reported(f.get(CALL_84.key()))).singleElement().isInstanceOfSatisfying(ExpiryReport.Assigned.class,
                a -> assertThat(a.contracts()).isEqualByComparingTo("20"));
        assertThat(reported(f.get(CALL_86.key()))).containsExactly(new ExpiryReport.Expired(SETTLED_AT));
    }

    @Test
    void withTwoCallSeriesADeliveryTheCloseDoesNotExplainIsInconsistent() {
        broker.holding("UPRO", 3000).bar("UPRO", EXPIRY, 85.10);

        Map<String, ExpiryFinding> f = findings(held(CALL_84, "-20", CALL_86, "-20"));

        assertThat(f.get(CALL_84.key())).isInstanceOf(ExpiryFinding.Inconsistent.class);
        assertThat(f.get(CALL_86.key())).isInstanceOf(ExpiryFinding.Inconsistent.class);
    }

    @Test
    void theUnderlyingsCloseIsTheDailyBarOfTheDate() {
        broker.bar("UPRO", EXPIRY.minusDays(1), 74.00).bar("UPRO", EXPIRY, 73.06);

        assertThat(reports.closeOn("UPRO", EXPIRY)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("73.06"));
        assertThat(reports.closeOn("UPRO", EXPIRY.plusDays(3))).isEmpty();
    }

    @Test
    void aClosedDaysBarIsReadOnceBecauseIbRefusesAnIdenticalRequestWithin15Seconds() {
        broker.bar("UPRO", EXPIRY, 73.06);

        reports.closeOn("UPRO", EXPIRY);
        reports.closeOn("UPRO", EXPIRY);

        assertThat(broker.dailyBarCalls()).isEqualTo(1);
    }

    @Test
    void sharesCalledAwayFromThePreviousCycleAreNotTakenForTheNextCyclesAssignment() {
        try (LedgerFixture f = new LedgerFixture()) {
            // the reference week: 40 short 84 calls to Friday 11-27, 15 of them assigned that night
            f.referenceWeekOpened();
            // the next week's cycle opens on that Friday morning with the 4,000 shares held then
            LocalDate nextExpiry = EXPIRY.plusDays(7);
            Contract call86 = Contract.option("UPRO", nextExpiry, new BigDecimal("86"), OptionRight.CALL, "UPRO", 100);
            Instant fridayMorning = EXPIRY.atTime(9, 45).atZone(NEW_YORK).toInstant();
            f.proposal("P2", call86, io.tailguard.domain.OrderSide.SELL, 20);
            f.ledger.openCycle("2026-W49", "P2", "UPRO", nextExpiry, new BigDecimal("4000"), new BigDecimal("74.00"),
                    fridayMorning);
            f.execution("0000e0d5.6554c001.01.01", "P2-L0", call86, io.tailguard.domain.OrderSide.SELL, "20", "0.60",
                    fridayMorning.plusSeconds(60));
            broker.holding("UPRO", 2500).bar("XSP", EXPIRY, 573.00).bar("UPRO", EXPIRY, 84.50)
                    .bar("UPRO", nextExpiry, 80.00);
            f.clock.set(clock.instant());
            ExpiryBooking booking = new ExpiryBooking(f.ledger, new BrokerExpiryReports(broker, f.clock), f.clock);
            assertThat(booking.book().closed()).containsExactly(CYCLE);
            assertThat(f.ledger.cycle(CYCLE).sharesEnd()).isEqualByComparingTo("2500");

            // a week later the 86 calls have left and the account still holds 2,500: they expired
            f.clock.set(clock.instant().plusSeconds(7 * 86_400));
            ExpiryBooking.Outcome outcome = booking.book();

            assertThat(outcome.problems()).isEmpty();
            assertThat(outcome.closed()).containsExactly("2026-W49");
            assertThat(f.ledger.entries("2026-W49")).extracting(LedgerEntry::type)
                    .contains(EntryType.EXPIRY).doesNotContain(EntryType.ASSIGNMENT);
        }
    }

    @Test
    void theReferenceWeekClosesFromBrokerEvidenceAlone() {
        try (LedgerFixture f = new LedgerFixture()) {
            f.referenceWeekOpened();
            f.clock.set(clock.instant());
            broker.holding("UPRO", 4000).bar("XSP", EXPIRY, 573.00).bar("UPRO", EXPIRY, 73.06);

            ExpiryBooking.Outcome outcome = new ExpiryBooking(f.ledger, new BrokerExpiryReports(broker, f.clock),
                    f.clock).book();

            assertThat(outcome.closed()).containsExactly(CYCLE);
            CyclePnl pnl = f.ledger.result(CYCLE);
            assertThat(pnl.puts()).isEqualByComparingTo("14190.00");
            assertThat(pnl.calls()).isEqualByComparingTo("3400.00");
            assertThat(pnl.net()).isEqualByComparingTo("-9366.40");
        }
    }
}
