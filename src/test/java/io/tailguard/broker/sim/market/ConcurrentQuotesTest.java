package io.tailguard.broker.sim.market;

import static io.tailguard.broker.sim.market.MarketFixtures.marketAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.Quote;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentQuotesTest {

    @Test
    void answersAChainBurstFromManyThreadsWithTheSameQuotesAsOneThread() throws Exception {
        ModelMarket m = marketAt("2026-11-16", 11, 0);
        List<ContractDetails> chain = m.contractDetails(ContractQuery.options("XSP", "XSP", LocalDate.of(2026, 11, 20)));
        Map<Long, Quote> parallel = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = chain.stream()
                    .map(cd -> pool.submit(() -> parallel.put(cd.contract().conId(),
                            m.quote(cd.contract().conId()).orElseThrow())))
                    .<Future<?>>map(f -> f)
                    .toList();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        ModelMarket fresh = marketAt("2026-11-16", 11, 0);
        assertThat(parallel).hasSize(chain.size());
        for (ContractDetails cd : chain) {
            Quote one = fresh.quote(cd.contract().conId()).orElseThrow();
            Quote many = parallel.get(cd.contract().conId());
            assertThat(many.bid()).isEqualTo(one.bid());
            assertThat(many.ask()).isEqualTo(one.ask());
            assertThat(many.greeks()).isEqualTo(one.greeks());
        }
    }
}
