package io.tailguard.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A line of refusals, as the console shows it and an event stores it, read back as the refusals it lists. */
class GateDecisionTest {
    @Test
    void aStoredLineOfRefusalsReadsBackAsTheSameRefusals() {
        List<GateDecision.Denied> denials = List.of(
                new GateDecision.Denied(Gate.PAPER_TRADING, "account U7654321 is live: TAILGUARD_LIVE_ACCOUNT must "
                        + "equal the account id to trade it"),
                new GateDecision.Denied(Gate.QUOTE, "stale quote: 31 s old, limit 30 s"),
                new GateDecision.Denied(Gate.WEEKLY_PREMIUM, "premium this week would be 660 USD, over "
                        + "maxPremiumPerWeekUsd 500"));
        String line = GateDecision.describe(denials);

        assertThat(line).isEqualTo("paper-trading: account U7654321 is live: TAILGUARD_LIVE_ACCOUNT must equal the "
                + "account id to trade it; quote: stale quote: 31 s old, limit 30 s; weekly-premium: premium this "
                + "week would be 660 USD, over maxPremiumPerWeekUsd 500");
        assertThat(GateDecision.parse(line)).isEqualTo(denials);
    }

    @Test
    void aSemicolonInsideAReasonStaysWithThatReason() {
        List<GateDecision.Denied> denials = List.of(new GateDecision.Denied(Gate.COVERED_CALL, "short; odd"),
                new GateDecision.Denied(Gate.DRY_RUN, "dry run: would send BUY 1 XSP 2026-11-27 580 P LMT 1.2"));
        assertThat(GateDecision.parse(GateDecision.describe(denials))).isEqualTo(denials);
    }

    @Test
    void textThatNamesNoGateHasNoRefusals() {
        assertThat(GateDecision.parse("the market is closed until 2026-12-04 09:30:00 EST: held")).isEmpty();
        assertThat(GateDecision.parse(null)).isEmpty();
        assertThat(Gate.labelled("max-contracts")).contains(Gate.MAX_CONTRACTS);
        assertThat(Gate.labelled("MAX_CONTRACTS")).isEmpty();
    }
}
