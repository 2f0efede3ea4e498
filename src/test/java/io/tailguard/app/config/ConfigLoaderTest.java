package io.tailguard.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tailguard.app.JobCatalog;
import io.tailguard.broker.sim.market.SimClockSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.tailguard.config.ConfigException;
import io.tailguard.orders.TradingMode;
import io.tailguard.orders.ApprovalPolicy;
import io.tailguard.broker.BrokerMode;

class ConfigLoaderTest {
    private static final String VALID = """
            broker:
              mode: sim
              port: 0
              clientId: 17
            database:
              url: jdbc:h2:mem:x
            schedule:
              jobs:
                heartbeat:
                  cron: "0 * * * * ?"
            """;

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("tailguard.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private String errorOf(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            JobCatalog.requireKnown(file, loader.load(file));
        } catch (ConfigException e) {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith(file.toString() + ": ");
            return e.getMessage().substring(file.toString().length() + 2);
        }
        throw new AssertionError("expected a configuration error for:\n" + yaml);
    }

    @Test
    void bindsTheShippedDefaultConfiguration() {
        TailguardConfig config = loader.load(Path.of("config/tailguard.yaml"));
        assertThat(config.broker().mode()).isEqualTo(BrokerMode.SIM);
        assertThat(config.database().url()).startsWith("jdbc:h2:file:./data/").contains("AUTO_SERVER=TRUE");
        assertThat(config.trading().mode()).isEqualTo(TradingMode.PAPER);
        assertThat(config.trading().dryRun()).isFalse();
        assertThat(config.approval().policy()).isEqualTo(ApprovalPolicy.MANUAL);
        assertThat(config.schedule().jobs()).containsKey("heartbeat");
        assertThat(config.schedule().jobs().get("expiry-booking").cron()).isEqualTo("0 40 8,16 ? * MON-SAT");
        JobCatalog.requireKnown(Path.of("config/tailguard.yaml"), config);
    }

    @Test
    void bindsTheTwsPaperExample() {
        TailguardConfig config = loader.load(Path.of("config/tailguard-tws-paper.yaml"));
        assertThat(config.broker().mode()).isEqualTo(BrokerMode.TWS);
        assertThat(config.broker().port()).isEqualTo(7497);
        assertThat(config.trading().dryRun()).isTrue();
    }

    @Test
    void fillsDefaultsForOptionalSections() throws IOException {
        TailguardConfig config = loader.load(write(VALID));
        assertThat(config.broker().messagesPerSecond()).isEqualTo(45);
        assertThat(config.broker().maxMarketDataLines()).isEqualTo(90);
        assertThat(config.approval().expiry()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.trading().limits().maxQuoteAge()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.schedule().jobs().get("heartbeat").maxLateness()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void environmentOverridesHostPortClientIdAndDatabaseUrl() throws IOException {
        ConfigLoader withEnv = new ConfigLoader(Map.of("TAILGUARD_BROKER_HOST", "10.0.0.5",
                "TAILGUARD_BROKER_PORT", "4002", "TAILGUARD_BROKER_CLIENT_ID", "9",
                "TAILGUARD_DB_URL", "jdbc:postgresql://db/tailguard"));
        TailguardConfig config = withEnv.load(write(VALID));
        assertThat(config.broker().host()).isEqualTo("10.0.0.5");
        assertThat(config.broker().port()).isEqualTo(4002);
        assertThat(config.broker().clientId()).isEqualTo(9);
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db/tailguard");
    }

    @Test
    void badEnvironmentValueIsBlamedOnTheVariableNotTheFile() throws IOException {
        ConfigLoader withEnv = new ConfigLoader(Map.of("TAILGUARD_BROKER_PORT", "seventy"));
        Path file = write(VALID);
        assertThatThrownBy(() -> withEnv.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage("environment variable TAILGUARD_BROKER_PORT='seventy': 'seventy' is not a valid whole number"
                        + " (it overrides broker.port of " + file + ")");
    }

    @Test
    void outOfRangeEnvironmentValueIsBlamedOnTheVariable() throws IOException {
        ConfigLoader withEnv = new ConfigLoader(Map.of("TAILGUARD_BROKER_PORT", "70000"));
        Path file = write(VALID);
        assertThatThrownBy(() -> withEnv.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment variable TAILGUARD_BROKER_PORT='70000': ")
                .hasMessageContaining("65535");
    }

    @Test
    void aMisspeltRequiredSectionIsReportedAsMisspeltNotAsMissing() throws IOException {
        assertThat(errorOf(VALID.replace("broker:", "brokr:")))
                .isEqualTo("brokr: unknown key (allowed here: approval, broker, database, orders, paths, schedule, sim, trading)");
    }

    @Test
    void aMisspeltKeyInsideAJobIsNamedWithItsPath() throws IOException {
        assertThat(errorOf(VALID.replace("cron:", "corn:")))
                .startsWith("schedule.jobs.heartbeat.corn: unknown key (allowed here:").contains("cron");
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        assertThat(errorOf("broker:\n  mode: sim\n   port: [1,\n")).startsWith("malformed YAML at line");
    }

    @Test
    void unknownTopLevelKeyIsRefusedWithTheAllowedKeys() throws IOException {
        assertThat(errorOf(VALID + "brokr:\n  mode: sim\n"))
                .isEqualTo("brokr: unknown key (allowed here: approval, broker, database, orders, paths, schedule, sim, trading)");
    }

    @Test
    void unknownNestedKeyNamesItsPath() throws IOException {
        assertThat(errorOf(VALID.replace("  clientId: 17", "  clientId: 17\n  hots: x")))
                .startsWith("broker.hots: unknown key (allowed here:").contains("host");
    }

    @Test
    void missingRequiredValueIsNamed() throws IOException {
        assertThat(errorOf(VALID.replace("  url: jdbc:h2:mem:x", "  poolSize: 3")))
                .isEqualTo("database.url: is required and must not be blank");
        assertThat(errorOf(VALID.replace("  port: 0\n", ""))).isEqualTo("broker.port: is required");
    }

    @Test
    void missingSectionIsNamed() throws IOException {
        assertThat(errorOf("broker:\n  mode: sim\n  port: 0\n  clientId: 1\n")).isEqualTo("database: is required");
    }

    @Test
    void outOfRangeValuesNameTheFieldAndTheRange() throws IOException {
        assertThat(errorOf(VALID.replace("mode: sim", "mode: tws").replace("port: 0", "port: 70000")))
                .isEqualTo("broker.port: must be between 1 and 65535, was 70000");
        assertThat(errorOf(VALID.replace("clientId: 17", "clientId: 0")))
                .isEqualTo("broker.clientId: must be between 1 and 2147483647, was 0");
        assertThat(errorOf(VALID.replace("clientId: 17", "clientId: 17\n  marketDataType: 5")))
                .isEqualTo("broker.marketDataType: must be between 1 and 4, was 5");
        assertThat(errorOf(VALID.replace("clientId: 17", "clientId: 17\n  messagesPerSecond: 60")))
                .isEqualTo("broker.messagesPerSecond: must be between 1 and 50, was 60");
    }

    @Test
    void wrongTypesNameWhatIsExpected() throws IOException {
        assertThat(errorOf(VALID.replace("port: 0", "port: abc"))).isEqualTo("broker.port: 'abc' is not a valid whole number");
        assertThat(errorOf(VALID.replace("mode: sim", "mode: simulated")))
                .isEqualTo("broker.mode: 'simulated' is not a valid value (allowed: sim, tws)");
        assertThat(errorOf(VALID + "approval:\n  expiry: 30 minutes\n"))
                .startsWith("approval.expiry: '30 minutes' is not a valid duration");
    }

    @Test
    void theSimulatedMarketsClockIsWallByDefaultOrAReplayStartWithASpeed() throws IOException {
        assertThat(loader.load(write(VALID)).sim().clockSetting()).isInstanceOf(SimClockSetting.Wall.class);
        // unquoted, as a trader writes it: YAML's timestamp is read as the text it is
        SimClockSetting.Replay replay = loader.load(write(VALID + "sim:\n  clock: 2026-11-30T09:30\n  speed: 60\n"))
                .sim().clockSetting().replay().orElseThrow();
        assertThat(replay.start()).isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 30));
        assertThat(replay.speed()).isEqualTo(60.0);
    }

    @Test
    void aBadSimClockOrSpeedNamesTheFieldAndWhatIsAllowed() throws IOException {
        assertThat(errorOf(VALID + "sim:\n  clock: tomorrow\n")).isEqualTo("sim.clock: 'tomorrow' is neither wall "
                + "nor a New York time (allowed: wall, or a New York time inside a session such as 2026-11-30T09:30)");
        assertThat(errorOf(VALID + "sim:\n  clock: 2026-11-28T09:30\n")).isEqualTo("sim.clock: 2026-11-28T09:30 is "
                + "on a Saturday, when the exchange is closed; a replay starts inside a session, e.g. 2026-11-30T09:30");
        assertThat(errorOf(VALID + "sim:\n  clock: 2026-11-30T18:00\n"))
                .startsWith("sim.clock: 2026-11-30T18:00 is outside the session of 2026-11-30 (09:30–16:00 New York)");
        assertThat(errorOf(VALID + "sim:\n  clock: 2026-11-30T09:30\n  speed: 0\n"))
                .isEqualTo("sim.speed: must be between 1 and 1000 (simulated seconds per wall second), was 0");
        assertThat(errorOf(VALID + "sim:\n  speed: 60\n")).startsWith("sim.speed: applies to a replay clock only");
        assertThat(errorOf(VALID + "sim:\n  clock: 2026-11-30T09:30\n  speed: fast\n"))
                .isEqualTo("sim.speed: 'fast' is not a valid number");
    }

    @Test
    void orderWorkingRulesAreValidatedTogether() throws IOException {
        assertThat(errorOf(VALID + "orders:\n  repriceWait: PT2M\n  workingWindow: PT1M\n"))
                .isEqualTo("orders.workingWindow: must be at least repriceWait (PT2M), was PT1M");
        TailguardConfig config = loader.load(write(VALID));
        assertThat(config.orders().working().repriceSteps()).isEqualTo(4);
        assertThat(config.orders().pollInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void invalidCronIsNamed() throws IOException {
        assertThat(errorOf(VALID.replace("\"0 * * * * ?\"", "\"every minute\"")))
                .startsWith("schedule.jobs.heartbeat.cron: not a valid Quartz cron expression");
    }

    @Test
    void unknownJobIsNamedWithTheKnownOnes() throws IOException {
        assertThat(errorOf(VALID + "    rebalance:\n      cron: \"0 0 10 ? * FRI\"\n"))
                .isEqualTo("schedule.jobs.rebalance: unknown job (known jobs: heartbeat, daily-signals, "
                        + "daily-mark-to-market, expiry-booking, weekly-hedge-roll)");
    }

    @Test
    void unsupportedDatabaseUrlIsRefused() throws IOException {
        assertThat(errorOf(VALID.replace("jdbc:h2:mem:x", "jdbc:mysql://x/y")))
                .isEqualTo("database.url: must be a jdbc:h2: or jdbc:postgresql: URL, was jdbc:mysql://x/y");
    }

    @Test
    void emptyAndMissingFilesAreNamed() throws IOException {
        assertThat(errorOf("")).isEqualTo("file is empty");
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(missing)).isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": file not found");
    }
}
