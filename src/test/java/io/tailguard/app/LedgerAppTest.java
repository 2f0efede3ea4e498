package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.tax.LotMethod;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which commitment the ledger reports portfolio impact at: the installation's weekly hedge strategy's
 * ({@code strategies/} beside the configuration's directory), unless {@code ledger.yaml} beside the configuration
 * sets its own. Tests run from the project root, whose shipped strategy says 0.30; the installation's says 0.40.
 */
class LedgerAppTest {
    private static final BigDecimal INSTALLATION_COMMITMENT = new BigDecimal("0.40");

    @TempDir
    Path home;

    private Path configFile;

    @BeforeEach
    void installation() throws IOException {
        configFile = home.resolve("config/tailguard.yaml");
        Files.createDirectories(configFile.getParent());
        String shipped = Files.readString(WeeklyHedgeStrategy.DEFAULT_FILE);
        assertThat(shipped).contains("commitment: 0.30");
        Files.createDirectories(home.resolve("strategies"));
        Files.writeString(home.resolve(WeeklyHedgeStrategy.DEFAULT_FILE), shipped.replace("commitment: 0.30",
                "commitment: " + INSTALLATION_COMMITMENT.toPlainString()));
    }

    @Test
    void withoutLedgerYamlTheCommitmentIsTheInstallationsStrategysNotTheWorkingDirectorys() {
        LedgerConfig config = LedgerApp.loadConfig(configFile);

        assertThat(config.commitment()).isEqualByComparingTo(INSTALLATION_COMMITMENT);
        assertThat(config.lotMethod()).isEqualTo(LotMethod.FIFO);
    }

    @Test
    void aLedgerYamlWithoutACommitmentKeepsTheStrategysAndSetsTheLotMethod() throws IOException {
        Files.writeString(configFile.resolveSibling(LedgerApp.FILE_NAME), "lotMethod: LIFO\n");

        LedgerConfig config = LedgerApp.loadConfig(configFile);

        assertThat(config.commitment()).isEqualByComparingTo(INSTALLATION_COMMITMENT);
        assertThat(config.lotMethod()).isEqualTo(LotMethod.LIFO);
    }

    @Test
    void aCommitmentInLedgerYamlWins() throws IOException {
        BigDecimal other = INSTALLATION_COMMITMENT.add(new BigDecimal("0.05"));
        Files.writeString(configFile.resolveSibling(LedgerApp.FILE_NAME), "commitment: " + other.toPlainString() + "\n");

        assertThat(LedgerApp.loadConfig(configFile).commitment()).isEqualByComparingTo(other);
    }

    @Test
    void anInstallationWithoutAStrategyFileHasTheLedgersDefaults() throws IOException {
        Files.delete(home.resolve(WeeklyHedgeStrategy.DEFAULT_FILE));

        assertThat(LedgerApp.loadConfig(configFile)).isEqualTo(LedgerConfig.defaults());
    }
}
