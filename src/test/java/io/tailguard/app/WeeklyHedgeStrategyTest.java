package io.tailguard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.config.ConfigException;
import io.tailguard.hedge.LossMeasure;
import io.tailguard.hedge.WeeklyHedgeConfig;
import io.tailguard.signals.VolatilityRegimeRule;
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
        assertThat(c.regimes().falling().hedgeRatioScale()).isEqualTo(0.6);
        assertThat(c.signals()).isEqualTo(new WeeklyHedgeConfig.SignalUse(1, WeeklyHedgeConfig.RegimeSource.SIGNALS,
                WeeklyHedgeConfig.SignalApplication.APPLY, WeeklyHedgeConfig.SignalApplication.APPLY));
        assertThat(c.riskAssessment().source()).isEqualTo(WeeklyHedgeConfig.RiskSource.SIGNALS);
        assertThat(c.riskAssessment().fallback()).isEqualTo(WeeklyHedgeConfig.HoldFallback.HOLD);
        assertThat(c.tenor().minTradingDays()).isEqualTo(5);
    }

    @Test
    void theStrategyFileIsInStrategiesBesideTheConfigurationsDirectoryWhereverTheProcessRuns() {
        // ./run.sh from the project root: --config config/tailguard.yaml
        assertThat(WeeklyHedgeStrategy.fileFor(Path.of("config/tailguard.yaml")))
                .isEqualTo(WeeklyHedgeStrategy.DEFAULT_FILE.toAbsolutePath());
        // an installation elsewhere, named by its configuration
        assertThat(WeeklyHedgeStrategy.fileFor(dir.resolve("desk/config/paper.yaml")))
                .isEqualTo(dir.resolve("desk/strategies/weekly-xsp-hedge.yaml"));
    }

    @Test
    void theSignalFilesAreTheInstallationsWhereverTheProcessRuns() {
        Path config = dir.resolve("desk/config/paper.yaml");
        assertThat(WeeklyHedgeStrategy.signalLayersFor(config)).isEqualTo(dir.resolve("desk/strategies/signal-layers.yaml"));
        assertThat(WeeklyHedgeStrategy.signalSourcesFor(config)).isEqualTo(dir.resolve("desk/config/signal-sources.yaml"));
        assertThat(WeeklyHedgeStrategy.signalLayersFor(Path.of("config/tailguard.yaml")))
                .isEqualTo(Path.of("strategies/signal-layers.yaml").toAbsolutePath());
    }

    @Test
    void anInstallationWithoutAStrategyFileHasNoStrategyAndABadOneStopsWithItsName() throws Exception {
        Path config = dir.resolve("config/tailguard.yaml");
        assertThat(WeeklyHedgeStrategy.loadIfPresent(config)).isEmpty();

        Path strategy = dir.resolve("strategies/weekly-xsp-hedge.yaml");
        Files.createDirectories(strategy.getParent());
        Files.writeString(strategy, Files.readString(WeeklyHedgeStrategy.DEFAULT_FILE).replace("commitment: 0.30",
                "commitment: 1.30"));
        assertThatThrownBy(() -> WeeklyHedgeStrategy.loadIfPresent(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(strategy.toString()).hasMessageContaining("commitment");
    }

    @Test
    void theShippedStrategySellsCoveredCallsOnHalfTheSharesAtModestlyElevatedIv() {
        WeeklyHedgeConfig c = WeeklyHedgeStrategy.load(WeeklyHedgeStrategy.DEFAULT_FILE);

        assertThat(c.regimes().cheap().shortCalls()).isFalse();
        assertThat(c.regimes().modest().shortCalls()).isTrue();
        assertThat(c.regimes().modest().maxCallCoverFraction()).isEqualTo(0.5);
        assertThat(c.regimes().rich().shortCalls()).isTrue();
        assertThat(c.regimes().rich().maxCallCoverFraction()).isEqualTo(1.0);
    }

    @Test
    void aRegimeWithoutACallCoverLetsTheCallsCoverEveryShare() throws Exception {
        Path older = dir.resolve("older.yaml");
        Files.writeString(older, Files.readString(WeeklyHedgeStrategy.DEFAULT_FILE)
                .replace(", maxCallCoverFraction: 0.5}", "}"));

        assertThat(WeeklyHedgeStrategy.load(older).regimes().modest().maxCallCoverFraction()).isEqualTo(1.0);
    }

    @Test
    void aCallCoverAboveOneNamesTheFileAndTheField() throws Exception {
        Path bad = dir.resolve("cover.yaml");
        Files.writeString(bad, Files.readString(WeeklyHedgeStrategy.DEFAULT_FILE)
                .replace("maxCallCoverFraction: 0.5}", "maxCallCoverFraction: 1.5}"));

        assertThatThrownBy(() -> WeeklyHedgeStrategy.load(bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cover.yaml").hasMessageContaining("maxCallCoverFraction");
    }

    @Test
    void theRegimeThresholdsAreTheSignalLayersOnes() {
        VolatilityRegimeRule rule = WeeklyHedgeStrategy.regimeRule(Path.of("config/tailguard.yaml"));

        assertThat(rule).isEqualTo(new VolatilityRegimeRule(0.135, 0.17, 0.30, 0.03, 10));
    }

    @Test
    void aStrategyFileWithTheOldRegimeThresholdsIsToldWhereTheyLiveNow() throws Exception {
        Path older = dir.resolve("older-regimes.yaml");
        Files.writeString(older, Files.readString(WeeklyHedgeStrategy.DEFAULT_FILE).replace("regimes:\n",
                "regimes:\n  modestAbove: 0.135\n  coveredCallsAbove: 0.17\n"));

        assertThatThrownBy(() -> WeeklyHedgeStrategy.load(older)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("older-regimes.yaml").hasMessageContaining("regimes.coveredCallsAbove")
                .hasMessageContaining("strategies/signal-layers.yaml (volatility.regime.richFrom)");
    }

    @Test
    void aStrategyFileWithoutASignalsSectionUsesTheSignalsAsShipped() throws Exception {
        Path older = dir.resolve("no-signals.yaml");
        String shipped = Files.readString(WeeklyHedgeStrategy.DEFAULT_FILE);
        Files.writeString(older, shipped.substring(0, shipped.indexOf("\nsignals:\n") + 1)
                + shipped.substring(shipped.indexOf("\napproval:\n") + 1));

        assertThat(WeeklyHedgeStrategy.load(older).signals()).isEqualTo(WeeklyHedgeConfig.SignalUse.DEFAULT);
    }

    @Test
    void aBadSignalsChoiceNamesTheFieldAndWhatIsAllowed() throws Exception {
        Path bad = dir.resolve("bad-signals.yaml");
        Files.writeString(bad, Files.readString(WeeklyHedgeStrategy.DEFAULT_FILE).replace("  regime: signals\n",
                "  regime: vix\n"));

        assertThatThrownBy(() -> WeeklyHedgeStrategy.load(bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad-signals.yaml").hasMessageContaining("signals.regime")
                .hasMessageContaining("signals, chain");
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
