package io.tailguard.hedge.roll;

import static io.tailguard.testing.SignalFixtures.decided;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.app.WeeklyHedgeStrategy;
import io.tailguard.broker.ibkr.IbkrBroker;
import io.tailguard.broker.ibkr.IbkrClientConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.broker.sim.market.ClockMode;
import io.tailguard.broker.sim.market.MarketModelConfig;
import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.SecurityType;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.Proposal;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.pricing.montecarlo.StructureStatistics;
import io.tailguard.calendar.ExchangeCalendar;
import io.tailguard.signals.HedgeIntensity;
import io.tailguard.signals.HoldState;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.signals.VolatilityRegime;
import io.tailguard.testing.SignalFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The roll acting on what a (fake) signal snapshot decides, on the embedded default's market over loopback: Thursday
 * 2026-12-03 after the close, 4,000 UPRO, the live chain's one-week ATM IV about 16% (MODEST by the layers' rule).
 */
class WeeklyHedgeRollSignalsTest {
    private static final LocalDate CLOSE = LocalDate.of(2026, 12, 3);
    private final ExchangeCalendar calendar = ExchangeCalendar.nyse();
    private final List<Proposal> stored = new CopyOnWriteArrayList<>();
    private SimGateway gateway;
    private IbkrBroker broker;
    private ModelMarket market;

    @BeforeEach
    void embeddedDefaultOnThursdayEvening() {
        Instant now = LocalDateTime.parse("2026-12-03T20:13").atZone(ExchangeCalendar.NEW_YORK).toInstant();
        gateway = SimGateway.withModelMarket(SimGatewayConfig.defaults().withPort(0),
                MarketModelConfig.defaults().withStart(now, 5900.0, 80.0).withClock(ClockMode.MANUAL, 1.0)).start();
        market = (ModelMarket) gateway.market();
        broker = new IbkrBroker(new IbkrClientConfig("127.0.0.1", gateway.port(), 22, 1, 45, 90,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(500)),
                market.clock());
        broker.connect();
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private RollAnalysis preview(Optional<SignalSnapshot> latest) {
        WeeklyHedgeConfig c = WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.DEFAULT_FILE);
        c = c.withSimulation(c.simulation().withPaths(20_000));
        return new WeeklyHedgeRollService(market.clock(), broker,
                SignalsReader.of(SignalFixtures.REGIME_RULE, () -> latest), stored::add, calendar, c).preview(false);
    }

    private static int maxShortCalls(RollAnalysis a) {
        return a.optimization().orElseThrow().evaluated().stream().mapToInt(WeeklyHedgeRollSignalsTest::shortCalls)
                .max().orElse(0);
    }

    private static int shortCalls(StructureStatistics s) {
        return s.structure().legs().stream().filter(l -> l.isShort()).mapToInt(l -> -l.contracts()).sum();
    }

    @Test
    void aFreshSnapshotsRegimeDecidesWhatTheWeekMayTradeAndAStaleOneIsNotUsed() {
        RollAnalysis rich = preview(Optional.of(decided(CLOSE, VolatilityRegime.RICH, HoldState.HOLD,
                HedgeIntensity.STANDARD, 1.0)));
        RollAnalysis stale = preview(Optional.of(decided(LocalDate.of(2026, 11, 30), VolatilityRegime.RICH,
                HoldState.HOLD, HedgeIntensity.STANDARD, 1.0)));

        assertThat(rich.regime()).isEqualTo(VolatilityRegime.RICH);
        assertThat(rich.report()).contains("signals: snapshot of 2026-12-03 (0 sessions before the analysis close",
                "IV regime: RICH (signal snapshot of 2026-12-03; live chain XSP ATM IV 1");
        // RICH covers every share: 40 contracts searched in steps of 10; MODEST half: 20 in steps of 5
        assertThat(maxShortCalls(rich)).isEqualTo(40);
        assertThat(rich.proposal().orElseThrow().metrics()).containsEntry("regime", "RICH")
                .containsKeys("signals", "regime_source", "hedge_intensity", "exposure");

        assertThat(stale.regime()).isEqualTo(VolatilityRegime.MODEST);
        assertThat(stale.report()).contains("signals: none used: the latest snapshot, of 2026-11-30, is 3 sessions",
                "IV regime: MODEST (live chain XSP ATM IV", "no fresh signal snapshot");
        assertThat(maxShortCalls(stale)).isEqualTo(20);
    }

    @Test
    void aStressedMarketKeepsTheFallingRegimeFromHedgingLess() {
        RollAnalysis reduced = preview(Optional.of(decided(CLOSE, VolatilityRegime.FALLING_FROM_HIGH, HoldState.HOLD,
                HedgeIntensity.REDUCED, 1.0)));
        RollAnalysis full = preview(Optional.of(decided(CLOSE, VolatilityRegime.FALLING_FROM_HIGH, HoldState.HOLD,
                HedgeIntensity.FULL, 1.0)));

        // the shipped falling regime: 0.6 of the put count searched, 1.5 x the loss tolerance
        assertThat(reduced.tolerance().orElseThrow().regimeScale()).isEqualTo(1.5);
        assertThat(full.tolerance().orElseThrow().regimeScale()).isEqualTo(1.0);
        assertThat(maxPuts(full)).isGreaterThan(maxPuts(reduced));
        assertThat(full.report()).contains("hedge intensity: FULL (signal snapshot of 2026-12-03): the full hedge, "
                + "not the FALLING_FROM_HIGH regime's lighter one");
        assertThat(reduced.report()).contains("hedge intensity: REDUCED (signal snapshot of 2026-12-03): the "
                + "FALLING_FROM_HIGH regime's hedge");
    }

    private static int maxPuts(RollAnalysis a) {
        return a.optimization().orElseThrow().evaluated().stream().mapToInt(s -> s.structure().legs().stream()
                .filter(l -> !l.isShort()).mapToInt(l -> l.contracts()).sum()).max().orElse(0);
    }

    @Test
    void underRatePressureTheRollSellsTowardsTheTargetAndHedgesTheSharesKept() {
        RollAnalysis a = preview(Optional.of(decided(CLOSE, VolatilityRegime.MODEST, HoldState.HOLD,
                HedgeIntensity.STANDARD, 0.75)));

        // the sim's account holds 4,000 UPRO, far above 0.30 x 0.75 of its net liquidation: a quarter goes this week
        assertThat(a.position().target()).isLessThan(2000);
        assertThat(a.position().sell()).isEqualTo(1000);
        assertThat(a.position().kept()).isEqualTo(3000);
        assertThat(a.tolerance().orElseThrow().positionUsd()).isEqualTo(3000 * a.market().uproSpot());
        Proposal p = a.proposal().orElseThrow();
        ProposalLeg sale = p.legs().get(0);
        assertThat(sale.legId()).isEqualTo(p.id() + "-T1");
        assertThat(sale.contract().securityType()).isEqualTo(SecurityType.STOCK);
        assertThat(sale.contract().symbol()).isEqualTo("UPRO");
        assertThat(sale.side()).isEqualTo(OrderSide.SELL);
        assertThat(sale.quantity()).isEqualTo(1000);
        assertThat(sale.intent()).isEqualTo(LegIntent.SELL_UNDERLYING);
        long callShares = p.legs().stream().filter(l -> l.contract().isOption()
                && l.contract().right() == OptionRight.CALL).mapToLong(l -> Math.abs(l.quantity()) * 100L).sum();
        assertThat(callShares).isLessThanOrEqualTo(3000 / 2); // MODEST: calls on at most half the shares kept
        assertThat(p.rationale()).contains("Sell 1000 UPRO towards the target of");
        assertThat(a.report()).contains("exposure: multiplier 0.75 (signal snapshot of 2026-12-03)",
                "held 4000: sell 1000");
    }

    @Test
    void aSnapshotThatSaysOutSellsTheUnderlyingAndBuysNoHedge() {
        RollAnalysis a = preview(Optional.of(decided(CLOSE.minusDays(1), VolatilityRegime.RICH, HoldState.OUT,
                HedgeIntensity.NONE, 0.0)));

        assertThat(a.holdOut()).isEqualTo(HoldState.OUT);
        assertThat(a.holdOutSource()).isEqualTo("signal snapshot of 2026-12-02");
        assertThat(a.optimization()).isEmpty();
        assertThat(a.proposal().orElseThrow().legs()).singleElement().satisfies(l -> {
            assertThat(l.side()).isEqualTo(OrderSide.SELL);
            assertThat(l.quantity()).isEqualTo(4000);
        });
        assertThat(a.report()).contains("risk assessment: OUT (signal snapshot of 2026-12-02)");
    }
}
