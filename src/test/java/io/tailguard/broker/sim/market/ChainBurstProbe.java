package io.tailguard.broker.sim.market;

import io.tailguard.domain.ContractDetails;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Not a test: measures how long the model takes to answer a whole-chain snapshot burst (every XSP
 * and every UPRO option of one weekly expiry), cold and then warm over 20 path steps. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.tailguard.broker.sim.market.ChainBurstProbe}.
 */
public final class ChainBurstProbe {

    private ChainBurstProbe() {
    }

    public static void main(String[] args) {
        ModelMarket m = MarketFixtures.marketAt("2026-11-16", 10, 0);
        LocalDate expiry = LocalDate.of(2026, 11, 20);
        for (String cls : List.of("XSP", "UPRO")) {
            List<ContractDetails> chain = m.contractDetails(ContractQuery.options(cls, cls, expiry));
            long cold = burst(m, chain);
            long total = 0;
            int rounds = 20;
            for (int i = 0; i < rounds; i++) {
                m.clock().advance(Duration.ofMinutes(5));
                total += burst(m, chain);
            }
            System.out.printf("%s %d options: cold %.1f ms, warm mean %.1f ms per burst (new path step each)%n", cls,
                    chain.size(), cold / 1e6, total / 1e6 / rounds);
        }
    }

    private static long burst(ModelMarket m, List<ContractDetails> chain) {
        long t0 = System.nanoTime();
        for (ContractDetails cd : chain) {
            m.quote(cd.contract().conId()).orElseThrow();
        }
        return System.nanoTime() - t0;
    }
}
