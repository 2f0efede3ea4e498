package io.tailguard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.OrderSide;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.store.Database;
import io.tailguard.testing.FakeOpeningMarket;
import io.tailguard.testing.MutableClock;
import io.tailguard.testing.TestDatabases;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The weekly hedge's booking of a finished proposal, on H2: the cycle opens once, at the hedge's last fill, for the
 * expiry of the hedge index options that filled, named and traded as the strategy's terms say; each fill is booked
 * once, what comes later (a commission, a correction) when it comes.
 */
class WeeklyHedgeCyclesTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 12, 4);
    private static final Instrument PUT_585 = Instrument.put("XSP", EXPIRY, "585", 100);
    private static final Instrument PUT_580 = Instrument.put("XSP", EXPIRY, "580", 100);
    private static final Instrument CALL_84 = Instrument.call("UPRO", EXPIRY, "84", 100);
    private static final Instant T0 = Instant.parse("2026-11-30T14:31:10Z");
    private static final WeeklyHedgeCycles.Terms TERMS = new WeeklyHedgeCycles.Terms("UPRO", "XSP", "CBOE");

    private final MutableClock clock = new MutableClock(T0.plusSeconds(3600));
    private final Database db = TestDatabases.inMemory();
    /** What the orders side has stored per proposal: the ledger's ProposalFills port. */
    private final Map<String, List<BrokerFill>> stored = new HashMap<>();
    private final FakeOpeningMarket market = new FakeOpeningMarket().holding("UPRO", "4000").price("UPRO", "78.93")
            .level("XSP", "CBOE", "587.89");
    private final HedgeCycleLedger ledger;

    WeeklyHedgeCyclesTest() {
        db.migrate();
        ledger = new HedgeCycleLedger(new LedgerStore(db.dataSource(), clock), LedgerConfig.defaults(), clock,
                id -> stored.getOrDefault(id, List.of()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static BrokerFill fill(String execId, Instrument i, OrderSide side, String qty, String price, Instant at,
            String commission) {
        return new BrokerFill(execId, io.tailguard.domain.ExecutionReport.baseOf(execId), "ref", i, side,
                new BigDecimal(qty), new BigDecimal(price), at, commission == null ? null : new BigDecimal(commission));
    }

    /** The week's hedge: the puts in two partial fills (the second's commission not reported yet), then the calls. */
    private List<BrokerFill> weekFills() {
        return List.of(fill("e1.01", PUT_585, OrderSide.BUY, "10", "3.12", T0, "6.50"),
                fill("e2.01", PUT_585, OrderSide.BUY, "6", "3.15", T0.plusSeconds(30), null),
                fill("e3.01", CALL_84, OrderSide.SELL, "40", "0.85", T0.plusSeconds(55), "26.00"));
    }

    private ExecutionBooking done(WeeklyHedgeCycles cycles, String id, List<BrokerFill> fills) {
        stored.put(id, new ArrayList<>(fills));
        return cycles.book(new ExecutedProposal(id, "weekly-xsp-hedge", fills));
    }

    private List<EntryType> types(String cycleId) {
        return ledger.entries(cycleId).stream().map(LedgerEntry::type).toList();
    }

    @Test
    void aDoneWeeklyProposalOpensItsCycleOnceAtItsLastFillWithTheMarketThen() {
        WeeklyHedgeCycles cycles = new WeeklyHedgeCycles(ledger, TERMS, market);

        ExecutionBooking first = done(cycles, "H1", weekFills());

        assertThat(first).isInstanceOfSatisfying(ExecutionBooking.CycleOpened.class, opened -> {
            HedgeCycle c = opened.cycle();
            assertThat(c.id()).isEqualTo("W2026-12-04");
            assertThat(c.expiry()).isEqualTo(EXPIRY);
            assertThat(c.underlying()).isEqualTo("UPRO");
            assertThat(c.openedAt()).as("the hedge executed at its last fill").isEqualTo(T0.plusSeconds(55));
            assertThat(c.sharesStart()).isEqualByComparingTo("4000");
            assertThat(c.priceStart()).isEqualByComparingTo("78.93");
            assertThat(c.indexStart()).isEqualByComparingTo("587.89");
            assertThat(opened.entriesBooked()).as("3 fills, 2 known commissions").isEqualTo(5);
        });
        assertThat(types("W2026-12-04")).containsExactly(EntryType.POSITION_AT_START, EntryType.FILL,
                EntryType.COMMISSION, EntryType.FILL, EntryType.FILL, EntryType.COMMISSION);
        assertThat(ledger.cycleOf("H1")).contains("W2026-12-04");
        assertThat(cycles.booked("H1")).isTrue();

        assertThat(done(cycles, "H1", weekFills())).as("handed over again: booked once")
                .isEqualTo(new ExecutionBooking.AlreadyBooked("W2026-12-04", 0));
        assertThat(ledger.cycles()).hasSize(1);
        assertThat(ledger.entries("W2026-12-04")).hasSize(6);
    }

    @Test
    void eachFillIsBookedOnceAndWhatTheBrokerReportsLaterWhenItComes() {
        WeeklyHedgeCycles cycles = new WeeklyHedgeCycles(ledger, TERMS, market);
        done(cycles, "H1", weekFills());
        String cycle = "W2026-12-04";
        assertThat(ledger.syncFills(cycle)).as("nothing new").isZero();

        // the second put fill's commission arrives: one commission entry, once
        stored.get("H1").set(1, stored.get("H1").get(1).withCommission(new BigDecimal("3.90")));
        assertThat(ledger.syncFills(cycle)).isEqualTo(1);
        assertThat(ledger.syncFills(cycle)).isZero();

        // the broker corrects the first fill's price: a reversal and the corrected fill; its commission stands
        stored.get("H1").set(0, fill("e1.02", PUT_585, OrderSide.BUY, "10", "3.10", T0, "6.50"));
        assertThat(ledger.syncFills(cycle)).isEqualTo(2);
        assertThat(ledger.syncFills(cycle)).isZero();

        assertThat(types(cycle)).containsExactly(EntryType.POSITION_AT_START, EntryType.FILL, EntryType.COMMISSION,
                EntryType.FILL, EntryType.FILL, EntryType.COMMISSION, EntryType.COMMISSION, EntryType.FILL_REVERSAL,
                EntryType.FILL);
        assertThat(ledger.entries(cycle).stream().filter(e -> e.type() == EntryType.COMMISSION)
                .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("-36.40");
        assertThat(done(cycles, "H1", stored.get("H1"))).isEqualTo(new ExecutionBooking.AlreadyBooked(cycle, 0));
    }

    @Test
    void aProposalThatFilledNoHedgeOptionOpensNoCycle() {
        WeeklyHedgeCycles cycles = new WeeklyHedgeCycles(ledger, TERMS, market);

        ExecutionBooking divest = done(cycles, "D1", List.of(fill("d1.01", Instrument.shares("UPRO"), OrderSide.SELL,
                "4000", "78.90", T0, "20.00")));
        ExecutionBooking buyBack = done(cycles, "B1", List.of(fill("b1.01", CALL_84, OrderSide.BUY, "40", "0.10", T0,
                null)));
        ExecutionBooking nothingFilled = done(cycles, "N1", List.of());

        assertThat(List.of(divest, buyBack, nothingFilled)).allSatisfy(b -> assertThat(b)
                .isEqualTo(new ExecutionBooking.NotBooked("no XSP option filled: no week of XSP options to account for")));
        assertThat(ledger.cycles()).isEmpty();
        assertThat(market.asked()).as("no market read for a proposal that opens nothing").isEmpty();
    }

    @Test
    void aSecondProposalOfTheSameWeekJoinsItsCycleWithoutMovingItsStart() {
        WeeklyHedgeCycles cycles = new WeeklyHedgeCycles(ledger, TERMS, market);
        done(cycles, "H1", weekFills());
        market.price("UPRO", "80.00").holding("UPRO", "5000");

        ExecutionBooking second = done(cycles, "H2", List.of(fill("e9.01", PUT_580, OrderSide.BUY, "4", "2.50",
                T0.plusSeconds(600), "2.60")));

        assertThat(second).isEqualTo(new ExecutionBooking.AddedToCycle("W2026-12-04", 2));
        HedgeCycle c = ledger.cycle("W2026-12-04");
        assertThat(c.priceStart()).isEqualByComparingTo("78.93");
        assertThat(c.sharesStart()).isEqualByComparingTo("4000");
        assertThat(new LedgerStore(db.dataSource(), clock).proposals(c.id())).containsExactly("H1", "H2");
    }

    @Test
    void withoutAPriceOfTheUnderlyingTheCycleWaitsAndOpensOnceThereIsOne() {
        FakeOpeningMarket closed = new FakeOpeningMarket().holding("UPRO", "4000");
        WeeklyHedgeCycles cycles = new WeeklyHedgeCycles(ledger, TERMS, closed);

        assertThat(done(cycles, "H1", weekFills())).isEqualTo(new ExecutionBooking.Deferred(
                "no price of UPRO to open cycle W2026-12-04 at"));
        assertThat(ledger.cycles()).isEmpty();
        assertThat(cycles.booked("H1")).isFalse();

        closed.price("UPRO", "79.10");
        assertThat(done(cycles, "H1", weekFills())).isInstanceOfSatisfying(ExecutionBooking.CycleOpened.class,
                opened -> {
                    assertThat(opened.cycle().priceStart()).isEqualByComparingTo("79.10");
                    assertThat(opened.cycle().indexStart()).as("no index level: only the chart misses it").isNull();
                });
    }

    @Test
    void theStrategysTermsNameTheUnderlyingAndTheHedgeIndex() {
        FakeOpeningMarket other = new FakeOpeningMarket().holding("SSO", "1200").price("SSO", "95.20")
                .level("SPX", "CBOE", "5901.40");
        WeeklyHedgeCycles cycles = new WeeklyHedgeCycles(ledger, new WeeklyHedgeCycles.Terms("SSO", "SPX", "CBOE"),
                other);
        Instrument spxPut = Instrument.put("SPX", EXPIRY, "5850", 100);

        assertThat(done(cycles, "X1", weekFills())).as("XSP is not this strategy's hedge")
                .isInstanceOf(ExecutionBooking.NotBooked.class);
        ExecutionBooking spx = done(cycles, "S1", List.of(fill("s1.01", spxPut, OrderSide.BUY, "1", "31.00", T0,
                "1.10")));

        assertThat(spx).isInstanceOfSatisfying(ExecutionBooking.CycleOpened.class, opened -> {
            assertThat(opened.cycle().underlying()).isEqualTo("SSO");
            assertThat(opened.cycle().sharesStart()).isEqualByComparingTo("1200");
            assertThat(opened.cycle().priceStart()).isEqualByComparingTo("95.20");
            assertThat(opened.cycle().indexStart()).isEqualByComparingTo("5901.40");
        });
        assertThat(other.asked()).containsExactly("price SSO", "shares SSO", "level SPX@CBOE");
    }
}
