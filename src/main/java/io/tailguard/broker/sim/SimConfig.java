package io.tailguard.broker.sim;

import io.tailguard.broker.sim.market.SimClockSetting;
import io.tailguard.config.Require;

/**
 * The embedded simulated gateway: the paper account it reports, the seed of its market, and its session clock.
 *
 * @param account the paper account the gateway serves
 * @param seed    seed of the market model
 * @param clock   {@code wall} (the default: the market follows the wall clock, closed in the evening as the real
 *                one is) or a replay start in New York local time inside a session, e.g. {@code 2026-11-30T09:30}
 * @param speed   simulated seconds per wall second of a replay (1 to 1000, default 1); only with a replay start
 */
public record SimConfig(String account, Long seed, String clock, Double speed) {
    public SimConfig {
        account = Require.orDefault(account, "DU1234567");
        seed = Require.orDefault(seed, 42L);
        clock = Require.orDefault(clock, "wall").trim();
        try {
            SimClockSetting.parse(clock, speed);
        } catch (SimClockSetting.InvalidSetting e) {
            throw new IllegalArgumentException((e.field() == SimClockSetting.Field.SPEED ? "speed" : "clock") + ": "
                    + e.problem());
        }
    }

    public static SimConfig defaults() {
        return new SimConfig(null, null, null, null);
    }

    /** The session clock this configuration asks for. */
    public SimClockSetting clockSetting() {
        return SimClockSetting.parse(clock, speed);
    }
}
