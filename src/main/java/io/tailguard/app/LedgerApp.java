package io.tailguard.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.store.LedgerStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Wires the ledger: {@code ledger.yaml} next to the main configuration file (optional; without it
 * {@link LedgerConfig#defaults()}), the store and the {@link HedgeCycleLedger}.
 */
public final class LedgerApp {
    public static final String FILE_NAME = "ledger.yaml";

    private LedgerApp() {
    }

    /**
     * Reads {@code ledger.yaml} beside {@code configFile}; an error names the file and the field. The
     * commitment is the weekly hedge's ({@code strategies/weekly-xsp-hedge.yaml}) unless {@code ledger.yaml}
     * sets its own, so that a proposal and the P&L of its cycle show the portfolio impact at the same share.
     */
    public static LedgerConfig loadConfig(Path configFile) {
        Path dir = configFile.toAbsolutePath().getParent();
        Path file = dir == null ? Path.of(FILE_NAME) : dir.resolve(FILE_NAME);
        LedgerConfig own = LedgerConfig.defaults();
        boolean ownCommitment = false;
        if (Files.exists(file)) {
            ObjectMapper yaml = ConfigLoader.newYamlMapper();
            JsonNode tree = ConfigLoader.readTree(file, yaml);
            own = ConfigLoader.bind(file, tree, LedgerConfig.class, yaml);
            ownCommitment = tree.hasNonNull("commitment");
        }
        if (ownCommitment || !Files.exists(WeeklyHedgeStrategy.DEFAULT_FILE)) {
            return own;
        }
        BigDecimal strategy = BigDecimal.valueOf(WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.DEFAULT_FILE).commitment());
        return new LedgerConfig(strategy, own.lotMethod());
    }

    public static HedgeCycleLedger ledger(DataSource dataSource, LedgerConfig config, Clock clock) {
        return new HedgeCycleLedger(new LedgerStore(dataSource, clock), config, clock);
    }
}
