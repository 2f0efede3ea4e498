package io.tailguard.app.config;

/** The embedded simulated gateway: the paper account it reports and the seed of its market. */
public record SimConfig(String account, Long seed) {
    public SimConfig {
        account = Require.orDefault(account, "DU1234567");
        seed = Require.orDefault(seed, 42L);
    }

    public static SimConfig defaults() {
        return new SimConfig(null, null);
    }
}
