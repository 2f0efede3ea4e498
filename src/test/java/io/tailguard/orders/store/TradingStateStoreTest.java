package io.tailguard.orders.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.orders.TradingState;
import io.tailguard.testing.TestDatabases;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import io.tailguard.store.AuditLog;
import io.tailguard.store.Database;

class TradingStateStoreTest {
    @Test
    void startsActiveAndRecordsEveryChangeInTheAuditLog() {
        try (Database db = TestDatabases.inMemory()) {
            db.migrate();
            Clock clock = Clock.systemUTC();
            TradingStateStore store = new TradingStateStore(db.dataSource(), clock);
            AuditLog audit = new AuditLog(db.dataSource(), clock, "trader", "desk");
            assertThat(store.current().state()).isEqualTo(TradingState.ACTIVE);

            assertThat(store.change(TradingState.HALTED, "trader", "FOMC day", audit)).isTrue();
            assertThat(store.current().state()).isEqualTo(TradingState.HALTED);
            assertThat(store.current().reason()).isEqualTo("FOMC day");
            assertThat(store.change(TradingState.HALTED, "trader", "again", audit)).as("no-op").isFalse();

            assertThat(audit.recent(5)).singleElement().satisfies(e -> {
                assertThat(e.eventType()).isEqualTo("TRADING_STATE");
                assertThat(e.detail()).isEqualTo("ACTIVE -> HALTED: FOMC day");
            });
        }
    }
}
