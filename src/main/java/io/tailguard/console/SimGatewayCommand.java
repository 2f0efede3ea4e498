package io.tailguard.console;

import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.sim.SimGateway;
import io.tailguard.broker.sim.SimGatewayConfig;
import io.tailguard.broker.sim.market.ClockMode;
import io.tailguard.broker.sim.market.MarketModelConfig;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard sim-gateway --port 7497}: the simulated gateway on its own, for any TWS API client. */
@Command(name = "sim-gateway", mixinStandardHelpOptions = true,
        description = "Run the simulated gateway (a TWS API server, protocol version 193) on 127.0.0.1 until "
                + "Ctrl-C. Any TWS API client can connect to it, including tailguard with broker.mode: tws.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard sim-gateway --port 7497",
                "  tailguard sim-gateway --port 4002 --seed 7 --account DU7654321"})
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

    @Override
    public Integer call() throws InterruptedException {
        TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(root.configFile());
        SimGatewayConfig gatewayConfig = SimGatewayConfig.defaults().withPort(port)
                .withSeed(seed != null ? seed : config.sim().seed())
                .withAccount(account != null ? account : config.sim().account());
        MarketModelConfig market = MarketModelConfig.defaults().withStart(Clock.systemUTC().instant(), 5900.0, 80.0)
                .withClock(ClockMode.REAL, 1.0);
        SimGateway gateway = SimGateway.withModelMarket(gatewayConfig, market).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "sim-gateway-shutdown"));
        spec.commandLine().getOut().printf("simulated gateway listening on 127.0.0.1:%d (account %s, seed %d); "
                + "Ctrl-C stops it%n", gateway.port(), gatewayConfig.accountId(), gatewayConfig.seed());
        spec.commandLine().getOut().flush();
        stopped.await();
        return TailguardCommand.OK;
    }
}
