package io.tailguard.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.tailguard.config.YamlConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.hedge.roll.ProposalBuilder;
import io.tailguard.ledger.ExecutedProposals;
import io.tailguard.ledger.ExecutionRoutes;
import io.tailguard.ledger.HedgeCycleLedger;
import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.OpeningMarket;
import io.tailguard.ledger.ProposalFills;
import io.tailguard.ledger.WeeklyHedgeCycles;
import io.tailguard.ledger.store.LedgerStore;
import io.tailguard.orders.store.OrderStore;
import io.tailguard.orders.store.ProposalStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Wires the ledger: {@code ledger.yaml} next to the main configuration file (optional; without it
 * {@link LedgerConfig#defaults()}), the store, the {@link HedgeCycleLedger} reading fills from the orders
 * side ({@link OrderFills}), and the routes of finished proposals to their strategy's booking.
 */
public final class LedgerApp {
    public static final String FILE_NAME = "ledger.yaml";

    private LedgerApp() {
    }

    /**
     * Reads {@code ledger.yaml} beside {@code configFile}, and the installation's weekly hedge strategy
     * ({@link WeeklyHedgeStrategy#fileFor}) if it has one; an error names the file and the field.
     */
    public static LedgerConfig loadConfig(Path configFile) {
        return loadConfig(configFile, WeeklyHedgeStrategy.loadIfPresent(configFile));
    }

    /**
     * Reads {@code ledger.yaml} beside {@code configFile}. The commitment is the weekly hedge's ({@code strategy},
     * already loaded) unless {@code ledger.yaml} sets its own, so that a proposal and the P&L of its cycle show
     * the portfolio impact at the same share.
     */
    public static LedgerConfig loadConfig(Path configFile, Optional<WeeklyHedgeConfig> strategy) {
        Path dir = configFile.toAbsolutePath().getParent();
        Path file = dir == null ? Path.of(FILE_NAME) : dir.resolve(FILE_NAME);
        LedgerConfig own = LedgerConfig.defaults();
        boolean ownCommitment = false;
        if (Files.exists(file)) {
            ObjectMapper yaml = YamlConfig.newYamlMapper();
            JsonNode tree = YamlConfig.readTree(file, yaml);
            own = YamlConfig.bind(file, tree, LedgerConfig.class, yaml);
            ownCommitment = tree.hasNonNull("commitment");
        }
        if (ownCommitment || strategy.isEmpty()) {
            return own;
        }
        return new LedgerConfig(BigDecimal.valueOf(strategy.get().commitment()), own.lotMethod());
    }

    /** The ledger on {@code dataSource}, reading the fills the orders layer stored in the same database. */
    public static HedgeCycleLedger ledger(DataSource dataSource, LedgerConfig config, Clock clock) {
        return ledger(dataSource, config, clock, new OrderFills(new ProposalStore(dataSource, clock),
                new OrderStore(dataSource, clock)));
    }

    public static HedgeCycleLedger ledger(DataSource dataSource, LedgerConfig config, Clock clock, ProposalFills fills) {
        return new HedgeCycleLedger(new LedgerStore(dataSource, clock), config, clock, fills);
    }

    /**
     * Where finished proposals are booked: the weekly hedge's ({@value ProposalBuilder#STRATEGY}) open their week's
     * cycle with the installation's strategy terms; without a strategy file they are booked nowhere.
     */
    public static ExecutionRoutes routes(HedgeCycleLedger ledger, Optional<WeeklyHedgeConfig> strategy,
            OpeningMarket market) {
        Map<String, ExecutedProposals> routes = new HashMap<>();
        strategy.ifPresent(s -> routes.put(ProposalBuilder.STRATEGY,
                new WeeklyHedgeCycles(ledger, WeeklyHedgeStrategy.terms(s), market)));
        return new ExecutionRoutes(routes);
    }
}
