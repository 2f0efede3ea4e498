package io.tailguard.console;

import io.tailguard.app.MarketClock;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.broker.sim.market.SimClockSetting;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import io.tailguard.domain.TraderTime;

/** {@code tailguard sim-gateway --port 7497}: the simulated gateway on its own, for any TWS API client. */
@Command(name = "sim-gateway", mixinStandardHelpOptions = true,
        description = "Run the simulated gateway (a TWS API server, protocol version 193) on 127.0.0.1 until "
                + "Ctrl-C. Any TWS API client can connect to it, including tailguard with broker.mode: tws.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard sim-gateway --port 7497",
                "  tailguard sim-gateway --port 4002 --seed 7 --account DU7654321",
                "  tailguard sim-gateway --clock 2026-11-30T09:30 --speed 60   (a session at any hour, an hour a minute)"})
public final class SimGatewayCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "7497", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any).")
    int port;

    @Option(names = "--seed", description = "Seed of the market model (default: sim.seed of the configuration).")
    Long seed;

    @Option(names = "--account", description = "Paper account to serve (default: sim.account of the configuration).")
    String account;

    @Option(names = "--clock", paramLabel = "wall|YYYY-MM-DDTHH:MM",
            description = "The market's clock: wall, or a replay from a New York time inside a session, e.g. "
                    + "2026-11-30T09:30 (default: sim.clock of the configuration).")
    String clock;

    @Option(names = "--speed", paramLabel = "FACTOR",
            description = "Simulated seconds per wall second of a replay, 1 to 1000 (default: sim.speed of the "
                    + "configuration, or 1).")
    Double speed;

    @Override
    public Integer call() throws InterruptedException {
        TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(root.configFile());
        SimClockSetting setting = clockSetting(config);
        Clock wall = Clock.systemUTC();
        Clock market = setting.replay().<Clock>map(r -> r.startOn(wall)).orElse(wall);
        SimGatewayConfig gatewayConfig = SimGatewayConfig.defaults().withPort(port)
                .withSeed(seed != null ? seed : config.sim().seed())
                .withAccount(account != null ? account : config.sim().account());
        SimGateway gateway = SimGateway.embeddedDefault(gatewayConfig, market).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "sim-gateway-shutdown"));
        spec.commandLine().getOut().printf("simulated gateway listening on 127.0.0.1:%d (account %s, seed %d); "
                + "clock: %s, market time %s; Ctrl-C stops it%n", gateway.port(), gatewayConfig.accountId(),
                gatewayConfig.seed(), MarketClock.describe(market), TraderTime.format(market.instant()));
        spec.commandLine().getOut().flush();
        stopped.await();
        return TailguardCommand.OK;
    }

    /** The options override the configuration's sim.clock / sim.speed; a bad value is a usage error naming the option. */
    private SimClockSetting clockSetting(TailguardConfig config) {
        String clockText = clock != null ? clock : config.sim().clock();
        Double speedValue = speed != null ? speed : clock != null ? null : config.sim().speed();
        try {
            return SimClockSetting.parse(clockText, speedValue);
        } catch (SimClockSetting.InvalidSetting e) {
            String option = e.field() == SimClockSetting.Field.SPEED ? "--speed" : "--clock";
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.problem());
        }
    }
}
