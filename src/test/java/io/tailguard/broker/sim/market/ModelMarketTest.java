package io.tailguard.broker.sim.market;

import static io.tailguard.broker.sim.market.MarketFixtures.marketAt;
import static io.tailguard.broker.sim.market.MarketFixtures.ny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.Quote;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelMarketTest {

    /** Put-call parity of the model prices, per unit of underlying: formula rounding only. */
    private static final double PARITY_TOLERANCE = 1e-9;
    /** A price is on the tick grid when price / tick is this close to an integer. */
    private static final double GRID_TOLERANCE = 1e-9;

    private static List<ContractDetails> chain(ModelMarket m, String cls, String expiry) {
        return m.contractDetails(ContractQuery.options(cls.equals("SPXW") ? "SPX" : cls, cls, LocalDate.parse(expiry)));
    }

    private static boolean onGrid(double price, MarketRule rule) {
        double steps = price / rule.incrementAt(price);
        return Math.abs(steps - Math.rint(steps)) < GRID_TOLERANCE;
    }

    @Test
    void quotesEveryOptionOfAChainUncrossedOnTheTickGridAroundTheModel() {
        ModelMarket m = marketAt("2026-11-16", 11, 0);
        for (String cls : List.of("XSP", "SPXW", "UPRO", "SPY")) {
            List<ContractDetails> chain = chain(m, cls, "2026-11-20");
            assertThat(chain).as(cls).isNotEmpty();
            for (ContractDetails cd : chain) {
                MarketRule rule = m.marketRule(cd.marketRuleIds().get(0)).orElseThrow();
                Quote q = m.quote(cd.contract().conId()).orElseThrow();
                String what = cd.contract().describe();
                assertThat(q.isCrossed()).as(what).isFalse();
                assertThat(q.bid()).as(what).isLessThanOrEqualTo(q.greeks().optionPrice());
                assertThat(q.ask()).as(what).isGreaterThanOrEqualTo(q.greeks().optionPrice()).isGreaterThan(q.bid());
                assertThat(onGrid(q.bid(), rule)).as(what + " bid " + q.bid()).isTrue();
                assertThat(onGrid(q.ask(), rule)).as(what + " ask " + q.ask()).isTrue();
                assertThat(q.greeks().impliedVol()).as(what).isPositive();
                assertThat(q.receivedAt()).isEqualTo(m.now());
            }
        }
    }

    @Test
    void xspModelPricesObeyPutCallParity() {
        ModelMarket m = marketAt("2026-11-16", 11, 0);
        Map<Double, double[]> byStrike = new TreeMap<>();
        for (ContractDetails cd : chain(m, "XSP", "2026-11-27")) {
            double k = cd.contract().strike().doubleValue();
            double price = m.quote(cd.contract().conId()).orElseThrow().greeks().optionPrice();
            byStrike.computeIfAbsent(k, x -> new double[2])[cd.contract().right() == OptionRight.CALL ? 0 : 1] = price;
        }
        // C - P = D (F - K): with D from two strikes, C - P + D K is the same for every strike.
        List<Double> strikes = List.copyOf(byStrike.keySet());
        double k1 = strikes.get(0);
        double k2 = strikes.get(strikes.size() - 1);
        double discount = ((byStrike.get(k1)[0] - byStrike.get(k1)[1]) - (byStrike.get(k2)[0] - byStrike.get(k2)[1]))
                / (k2 - k1);
        double discountedForward = byStrike.get(k1)[0] - byStrike.get(k1)[1] + discount * k1;
        assertThat(discount).isBetween(0.99, 1.0);
        double spot = m.level(Underlying.XSP);
        assertThat(discountedForward).isCloseTo(spot, within(spot * 0.01));
        byStrike.forEach((k, cp) -> assertThat(cp[0] - cp[1] + discount * k).as("strike " + k)
                .isCloseTo(discountedForward, within(PARITY_TOLERANCE * spot)));
    }

    @Test
    void putSkewGivesLowerStrikesHigherImpliedVol() {
        ModelMarket m = marketAt("2026-11-16", 11, 0);
        double spot = m.level(Underlying.XSP);
        double previous = Double.MAX_VALUE;
        for (ContractDetails cd : chain(m, "XSP", "2026-11-27")) {
            double k = cd.contract().strike().doubleValue();
            if (cd.contract().right() != OptionRight.PUT || k > spot) {
                continue;
            }
            double iv = m.quote(cd.contract().conId()).orElseThrow().greeks().impliedVol();
            // strictly rising near the money; far out the skew is capped and flat
            if (k >= spot * 0.95) {
                assertThat(iv).as("strike " + k).isLessThan(previous);
            } else {
                assertThat(iv).as("strike " + k).isLessThanOrEqualTo(previous);
            }
            previous = iv;
        }
    }

    @Test
    void volOverrideSetsAtmVolAndVixFollows() {
        ModelMarket m = marketAt("2026-11-16", 11, 0);
        for (double vol : List.of(0.12, 0.16, 0.22)) {
            m.setVolOverride(VolOverride.fixed(vol));
            assertThat(atmIv(m)).isCloseTo(vol, within(0.003));
            assertThat(m.level(Underlying.VIX)).isCloseTo(100 * vol * VolSurface.VIX_OVER_ATM, within(0.01));
        }
        m.setVolOverride(VolOverride.falling(0.30, 0.16, m.now(), Duration.ofHours(2)));
        assertThat(atmIv(m)).isCloseTo(0.30, within(0.005));
        m.clock().advance(Duration.ofHours(1));
        assertThat(atmIv(m)).isCloseTo(0.23, within(0.005));
        m.clock().advance(Duration.ofHours(2));
        assertThat(atmIv(m)).isCloseTo(0.16, within(0.003));
    }

    private static double atmIv(ModelMarket m) {
        double spot = m.level(Underlying.XSP);
        ContractDetails atm = chain(m, "XSP", "2026-11-20").stream()
                .filter(cd -> cd.contract().right() == OptionRight.CALL)
                .min((a, b) -> Double.compare(Math.abs(a.contract().strike().doubleValue() - spot),
                        Math.abs(b.contract().strike().doubleValue() - spot)))
                .orElseThrow();
        return m.quote(atm.contract().conId()).orElseThrow().greeks().impliedVol();
    }

    @Test
    void marketMovesDuringTheSessionAndStandsStillWhenClosed() {
        ModelMarket m = marketAt("2026-11-16", 10, 0);
        double first = m.level(Underlying.SPX);
        m.clock().advance(Duration.ofMinutes(2));
        assertThat(m.level(Underlying.SPX)).as("same 5-minute step").isEqualTo(first);
        m.clock().advance(Duration.ofMinutes(30));
        assertThat(m.level(Underlying.SPX)).isNotEqualTo(first);

        m.clock().setTo(ny("2026-11-25", 16, 30));
        double wednesdayClose = m.level(Underlying.SPX);
        double upro = m.quote(Underlying.UPRO.conId()).orElseThrow().last();
        m.clock().setTo(ny("2026-11-26", 12, 0));
        assertThat(m.level(Underlying.SPX)).as("Thanksgiving").isEqualTo(wednesdayClose);
        assertThat(m.quote(Underlying.UPRO.conId()).orElseThrow().last()).isEqualTo(upro);
        assertThat(m.quote(Underlying.UPRO.conId()).orElseThrow().receivedAt()).isEqualTo(m.now());
        m.clock().setTo(ny("2026-11-27", 9, 45));
        assertThat(m.level(Underlying.SPX)).isNotEqualTo(wednesdayClose);
    }

    @Test
    void quotesStocksAPennyWideAndIndicesWithoutSides() {
        ModelMarket m = marketAt("2026-11-16", 11, 0);
        Quote upro = m.quote(Underlying.UPRO.conId()).orElseThrow();
        assertThat(upro.ask() - upro.bid()).isCloseTo(0.01, within(1e-9));
        Quote spx = m.quote(Underlying.SPX.conId()).orElseThrow();
        assertThat(spx.hasBidAndAsk()).isFalse();
        assertThat(spx.last()).isPositive();
        assertThat(m.level(Underlying.TNX)).isBetween(30.0, 60.0);
        assertThat(m.level(Underlying.SPY)).isCloseTo(m.level(Underlying.SPX) / 10, within(m.level(Underlying.SPX) / 100));
        assertThat(m.quote(123)).isEmpty();
    }

    @Test
    void servesThreeHundredDailyBarsEndingToday() {
        ModelMarket m = marketAt("2026-11-16", 11, 0);
        List<DailyBar> bars = m.dailyBars(Underlying.SPX.conId(), 300);
        assertThat(bars).hasSize(300);
        assertThat(bars.get(299).date()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(bars.get(298).close()).isCloseTo(5900, within(0.005));
        assertThat(bars).allMatch(b -> m.calendar().isTradingDay(b.date()));
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).date()).isAfter(bars.get(i - 1).date());
        }
        assertThat(m.dailyBars(Underlying.UPRO.conId(), 10)).hasSize(10).allMatch(b -> b.volume() > 0);
        assertThat(m.dailyBars(Underlying.VIX.conId(), 5)).hasSize(5).allMatch(b -> Double.isNaN(b.volume()));
        assertThat(MarketFixtures.marketAt("2026-11-16", 11, 0).dailyBars(Underlying.SPX.conId(), 300))
                .as("deterministic").isEqualTo(bars);
    }

    @Test
    void tradesOnlyInTheVenueSession() {
        ModelMarket m = marketAt("2026-11-20", 15, 59);
        long xsp = chain(m, "XSP", "2026-11-27").get(0).contract().conId();
        long upro = chain(m, "UPRO", "2026-11-27").get(0).contract().conId();
        assertThat(m.isTrading(Underlying.UPRO.conId())).isTrue();
        assertThat(m.isTrading(upro)).isTrue();
        m.clock().setTo(ny("2026-11-20", 16, 5));
        assertThat(m.isTrading(Underlying.UPRO.conId())).isFalse();
        assertThat(m.isTrading(upro)).isFalse();
        assertThat(m.isTrading(xsp)).as("index options until 16:15").isTrue();
        m.clock().setTo(ny("2026-11-26", 11, 0));
        assertThat(m.isTrading(xsp)).as("Thanksgiving").isFalse();
        assertThat(m.isTrading(42)).isFalse();
    }

    @Test
    void aDayOrderEndsAtTheCloseOfItsVenuesSessionOrOfTheNextOneWhenPlacedAfterTheClose() {
        ModelMarket m = marketAt("2026-11-20", 15, 0);
        long xsp = chain(m, "XSP", "2026-11-27").get(0).contract().conId();
        long upro = chain(m, "UPRO", "2026-11-27").get(0).contract().conId();
        assertThat(m.dayOrderEnd(xsp, ny("2026-11-20", 15, 0))).contains(ny("2026-11-20", 16, 15));
        assertThat(m.dayOrderEnd(upro, ny("2026-11-20", 15, 0))).contains(ny("2026-11-20", 16, 0));
        assertThat(m.dayOrderEnd(Underlying.UPRO.conId(), ny("2026-11-20", 16, 5)))
                .as("after the close, Friday: Monday's close").contains(ny("2026-11-23", 16, 0));
        assertThat(m.dayOrderEnd(xsp, ny("2026-11-22", 12, 0))).as("Sunday").contains(ny("2026-11-23", 16, 15));
        assertThat(m.dayOrderEnd(Underlying.UPRO.conId(), ny("2026-11-26", 10, 0)))
                .as("Thanksgiving: the early close the day after").contains(ny("2026-11-27", 13, 0));
        assertThat(m.dayOrderEnd(42, ny("2026-11-20", 15, 0))).isEmpty();
    }

    @Test
    void settlesAnExpiredXspPutAtTheClose() {
        ModelMarket m = marketAt("2026-11-20", 15, 0);
        ContractDetails put = chain(m, "XSP", "2026-11-20").stream()
                .filter(cd -> cd.contract().right() == OptionRight.PUT).findFirst().orElseThrow();
        long id = put.contract().conId();
        assertThat(m.settlement(id)).isEmpty();
        m.clock().setTo(ny("2026-11-20", 16, 15));
        assertThat(m.quote(id)).isEmpty();
        assertThat(m.contract(id)).isPresent();
        Settlement s = m.settlement(id).orElseThrow();
        // the official print: the closing level in cents (the daily bar's close)
        assertThat(s.underlyingPrice()).isEqualTo(Math.round(m.level(Underlying.XSP) * 100) / 100.0);
        assertThat(s.intrinsicValue()).isCloseTo(
                Math.max(0, put.contract().strike().doubleValue() - s.underlyingPrice()), within(1e-9));
        assertThat(s.intrinsicValue() * 100).as("whole cents").isCloseTo(Math.rint(s.intrinsicValue() * 100), within(1e-6));
    }
}
