package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.app.config.ConfigException;
import io.tailguard.hedge.LossMeasure;
import io.tailguard.hedge.WeeklyHedgeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeeklyHedgeStrategyTest {
    @TempDir
    Path dir;

    @Test
    void bindsTheShippedStrategyFile() {
        WeeklyHedgeConfig c = WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.DEFAULT_FILE);

        assertThat(c.underlying().symbol()).isEqualTo("UPRO");
        assertThat(c.hedgeInstrument().tradingClass()).isEqualTo("XSP");
        assertThat(c.commitment()).isEqualTo(0.30);
        assertThat(c.lossTolerance().fractionOfPosition()).isEqualTo(0.027);
        assertThat(c.lossTolerance().measure()).isEqualTo(LossMeasure.P5);
        assertThat(c.regimes().modestAbove()).isEqualTo(0.135);
        assertThat(c.regimes().coveredCallsAbove()).isEqualTo(0.17);
        assertThat(c.regimes().fallingPeak()).isEqualTo(0.30);
        assertThat(c.riskAssessment().source()).isEqualTo(WeeklyHedgeConfig.RiskSource.SIGNALS);
        assertThat(c.riskAssessment().fallback()).isEqualTo(WeeklyHedgeConfig.HoldFallback.HOLD);
        assertThat(c.tenor().minTradingDays()).isEqualTo(5);
    }

    @Test
    void anOutOfRangeValueNamesTheFileAndTheField() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(WeeklyHedgeStrategy.DEFAULT_FILE).replace("commitment: 0.30",
                "commitment: 1.7"));

        assertThatThrownBy(() -> WeeklyHedgeStrategy.load(bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("commitment");
    }

    @Test
    void aMisspelledKeyIsAnErrorNamingTheField() throws Exception {
        Path bad = dir.resolve("typo.yaml");
        Files.writeString(bad, Files.readString(WeeklyHedgeStrategy.DEFAULT_FILE).replace("  maxHedgeRatio:",
                "  maxHedgeRatoi:"));

        assertThatThrownBy(() -> WeeklyHedgeStrategy.load(bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("typo.yaml").hasMessageContaining("search.maxHedgeRat");
    }
}
