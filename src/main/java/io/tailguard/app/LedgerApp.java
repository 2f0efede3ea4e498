package io.tailguard.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.store.LedgerStore;
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

    /** Reads {@code ledger.yaml} beside {@code configFile}; an error names the file and the field. */
    public static LedgerConfig loadConfig(Path configFile) {
        Path dir = configFile.toAbsolutePath().getParent();
        Path file = dir == null ? Path.of(FILE_NAME) : dir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return LedgerConfig.defaults();
        }
        ObjectMapper yaml = ConfigLoader.newYamlMapper();
        return ConfigLoader.bind(file, ConfigLoader.readTree(file, yaml), LedgerConfig.class, yaml);
    }

    public static HedgeCycleLedger ledger(DataSource dataSource, LedgerConfig config, Clock clock) {
        return new HedgeCycleLedger(new LedgerStore(dataSource, clock), config, clock);
    }
}
