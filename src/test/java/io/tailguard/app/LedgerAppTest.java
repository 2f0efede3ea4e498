package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tailguard.ledger.LedgerConfig;
import io.tailguard.ledger.tax.LotMethod;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which commitment the ledger reports portfolio impact at (tests run from the project root). */
class LedgerAppTest {
    @TempDir
    Path dir;

    private final BigDecimal strategyCommitment =
            BigDecimal.valueOf(WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.DEFAULT_FILE).commitment());

    @Test
    void withoutLedgerYamlTheCommitmentIsTheStrategys() {
        LedgerConfig config = LedgerApp.loadConfig(dir.resolve("tailguard.yaml"));

        assertThat(config.commitment()).isEqualByComparingTo(strategyCommitment);
        assertThat(config.lotMethod()).isEqualTo(LotMethod.FIFO);
    }

    @Test
    void aLedgerYamlWithoutACommitmentKeepsTheStrategysAndSetsTheLotMethod() throws IOException {
        Files.writeString(dir.resolve(LedgerApp.FILE_NAME), "lotMethod: LIFO\n");

        LedgerConfig config = LedgerApp.loadConfig(dir.resolve("tailguard.yaml"));

        assertThat(config.commitment()).isEqualByComparingTo(strategyCommitment);
        assertThat(config.lotMethod()).isEqualTo(LotMethod.LIFO);
    }

    @Test
    void aCommitmentInLedgerYamlWins() throws IOException {
        BigDecimal other = strategyCommitment.add(new BigDecimal("0.05"));
        Files.writeString(dir.resolve(LedgerApp.FILE_NAME), "commitment: " + other.toPlainString() + "\n");

        assertThat(LedgerApp.loadConfig(dir.resolve("tailguard.yaml")).commitment()).isEqualByComparingTo(other);
    }
}
