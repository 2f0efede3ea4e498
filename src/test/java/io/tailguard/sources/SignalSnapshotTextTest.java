package io.tailguard.sources;

import static io.tailguard.testing.SignalFixtures.ramp;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.signals.HysteresisMemory;
import io.tailguard.signals.SignalEngine;
import io.tailguard.signals.SignalSeries;
import io.tailguard.signals.SignalSnapshot;
import io.tailguard.testing.MarketFixture;
import io.tailguard.testing.SignalFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalSnapshotTextTest {
    private final SignalEngine engine = new SignalEngine(SignalFixtures.defaults());

    private SignalSnapshot snapshot(MarketFixture market, HysteresisMemory memory) {
        return engine.evaluate(market.data(SignalFixtures.defaults()), memory,
                Instant.parse(market.asOf + "T21:30:00Z"));
    }

    @Test
    void printsTheDecisionEveryLayerTheCandidatesAndTheInputs() {
        MarketFixture market = new MarketFixture();
        market.delayedCut = 0.8;

        String text = SignalSnapshotText.render(snapshot(market, HysteresisMemory.initial()));

        assertThat(text).contains("Signal snapshot as of 2026-11-20 (taken 2026-11-20 21:30Z)", "hold/out",
                "HOLD", "exposure multiplier  1.00", "hedge intensity      STANDARD", "STEEPENER_SETUP",
                "LONG STOCK KRE; SHORT STOCK ARKK", "fred:SOFR", "ibkr:VIX");
    }

    @Test
    void printsWhyAnUnknownDecisionIsUnknown() {
        MarketFixture market = new MarketFixture();
        market.omitted.add(SignalSeries.XSP_IV);

        String text = SignalSnapshotText.render(snapshot(market, HysteresisMemory.initial()));

        assertThat(text).contains("hold/out             UNKNOWN: no observation of ibkr:XSP_IV",
                "VOLATILITY_REGIME      UNKNOWN: no observation of ibkr:XSP_IV");
    }

    @Test
    void marksRegimeAndHoldOutChangesInTheHistory() {
        MarketFixture calm = new MarketFixture();
        calm.asOf = LocalDate.of(2026, 11, 19);
        SignalSnapshot first = snapshot(calm, HysteresisMemory.initial());
        MarketFixture spike = new MarketFixture();
        spike.vix = ramp(6, 22, 35);
        spike.vix3m = 30;
        SignalSnapshot second = snapshot(spike, first.memory());

        String text = SignalSnapshotText.renderHistory(List.of(first, second));

        assertThat(text.lines()).hasSize(3);
        assertThat(text).contains("2026-11-20", "regime CALM -> STRESS hold/out HOLD -> OUT");
        assertThat(SignalSnapshotText.renderHistory(List.of())).contains("no snapshots stored yet");
    }
}
