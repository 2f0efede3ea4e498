package io.tailguard.hedge.roll;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The target position the exposure multiplier sets, and what a roll sells towards it. */
class PositionTargetTest {
    /** 1,000,000 USD of net liquidation, 30% commitment, UPRO at 100: a 3,000-share target at a multiplier of 1. */
    private static PositionTarget of(long held, long backingCalls, double multiplier) {
        return PositionTarget.of(held, backingCalls, 0.30, multiplier, 1_000_000, 100);
    }

    @Test
    void theTargetIsTheCommitmentTimesTheMultiplierOfNetLiquidation() {
        assertThat(of(3000, 0, 1.0).target()).isEqualTo(3000);
        assertThat(of(3000, 0, 0.75).target()).isEqualTo(2250);
        assertThat(of(3000, 0, 0.0).target()).isZero();
    }

    @Test
    void atAMultiplierOfOneNothingIsSoldEvenAboveTheTarget() {
        PositionTarget p = of(4000, 0, 1.0);

        assertThat(p.sell()).isZero();
        assertThat(p.kept()).isEqualTo(4000);
        assertThat(p.describe("UPRO", "x")).contains("held 4000, none sold (the roll sells only while the multiplier is "
                + "below 1)");
    }

    @Test
    void underRatePressureTheSharesAboveTheTargetAreSoldInWholeLots() {
        PositionTarget p = of(3000, 0, 0.75); // target 2,250: 750 above it, 700 in lots

        assertThat(p.sell()).isEqualTo(700);
        assertThat(p.kept()).isEqualTo(2300);
        assertThat(p.describe("UPRO", "signal snapshot of 2026-12-03")).contains(
                "multiplier 0.75 (signal snapshot of 2026-12-03): target 2250 UPRO = 0.30 x 0.75 of net liquidation "
                        + "1000000 USD; held 3000: sell 700");
    }

    @Test
    void aSecondRollAtTheTargetSellsNothingMore() {
        assertThat(of(2300, 0, 0.75).sell()).isZero();
        assertThat(of(2250, 0, 0.75).sell()).isZero();
        assertThat(of(2000, 0, 0.75).sell()).isZero(); // below the target: the roll never buys
    }

    @Test
    void oneRollNeverSellsMoreThanTheMultipliersCutOfTheSharesHeld() {
        // 7,000 held against a 2,250 target: a quarter of the holding per roll, then the next roll goes on
        PositionTarget first = of(7000, 0, 0.75);
        assertThat(first.sell()).isEqualTo(1700);

        PositionTarget second = of(first.kept(), 0, 0.75);
        assertThat(second.sell()).isEqualTo(1300);
        assertThat(second.kept()).isEqualTo(4000);
    }

    @Test
    void sharesBackingShortCallsStillOpenAreNotSold() {
        assertThat(of(3000, 2800, 0.75).sell()).isEqualTo(200);
        PositionTarget blocked = of(3000, 3000, 0.75);
        assertThat(blocked.sell()).isZero();
        assertThat(blocked.describe("UPRO", "x")).contains("none sold (3000 back short calls still open)");
    }

    @Test
    void lessThanALotAboveTheTargetIsKept() {
        PositionTarget p = of(2330, 0, 0.75);

        assertThat(p.sell()).isZero();
        assertThat(p.describe("UPRO", "x")).contains("less than a 100-share lot");
    }

    @Test
    void aMultiplierOfZeroSellsEveryShareOddLotsAndSharesBackingCallsIncluded() {
        // going out: the roll closes the short calls in the same proposal (as for OUT)
        assertThat(of(4050, 0, 0.0).sell()).isEqualTo(4050);
        assertThat(of(4050, 2000, 0.0).sell()).isEqualTo(4050);
        assertThat(of(4050, 2000, 0.0).kept()).isZero();
    }
}
