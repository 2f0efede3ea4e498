package io.tailguard.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailguard.testing.FakeSimMarket;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the running gateway with the independent client {@code @stoqey/ib} (interop/drive-sim.js) over
 * every message of issue #3 and asserts on its JSON summary. The peer is installed by the Maven build
 * ({@code npm ci} in interop/); a missing node_modules is a build failure, not a skip.
 */
class SimGatewayInteropTest {
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(90);

    private SimGateway gateway;

    @BeforeEach
    void start() {
        Assumptions.assumeFalse(Boolean.getBoolean("interop.skip"), "interop.skip is set");
        SimGatewayConfig config = SimGatewayConfig.defaults().withPort(0).withTickInterval(Duration.ofMillis(50))
                .withPermissionlessSymbols(Set.of("VIX"));
        gateway = new SimGateway(config, new FakeSimMarket()).start();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
    }

    @Test
    void theIndependentClientDecodesEveryMessageWithoutProblems() throws Exception {
        PeerRun run = drive(gateway.port(), "VIX");
        JsonNode summary = run.summary();
        assertThat(run.exitCode()).as("driver exit code; summary: %s", summary).isZero();
        assertThat(summary.path("decodeProblems")).as("decode problems reported by the peer").isEmpty();
        assertThat(summary.path("missing")).as("callbacks that never came").isEmpty();
        assertThat(summary.path("unexpectedErrors")).as("errors nobody asked for").isEmpty();
        assertThat(summary.path("ok").asBoolean()).isTrue();
        assertThat(summary.path("serverVersion").asInt()).isEqualTo(193);
        JsonNode steps = summary.path("steps");
        assertThat(steps.at("/handshake/managedAccounts").asText()).isEqualTo("DU1234567");
        assertThat(steps.at("/currentTime/epochSeconds").asLong()).isEqualTo(FakeSimMarket.NOW.getEpochSecond());
        assertThat(steps.at("/contractDetails/upro/conId").asLong()).isEqualTo(FakeSimMarket.UPRO);
        assertThat(steps.at("/secDefOptParams/expirations").asInt()).isEqualTo(2);
        assertThat(steps.at("/option/strike").asDouble()).isEqualTo(590.0);
        assertThat(steps.at("/marketRule/increments")).hasSize(2);
        assertThat(steps.at("/streaming/bid").asDouble()).isEqualTo(89.95);
        assertThat(steps.at("/snapshot/impliedVol").asDouble()).isEqualTo(0.18);
        assertThat(steps.at("/snapshot/delta").asDouble()).isEqualTo(-0.4);
        assertThat(steps.at("/snapshot/undPrice").asDouble()).isEqualTo(590.0);
        assertThat(steps.at("/delayed/marketDataType").asInt()).isEqualTo(3);
        assertThat(steps.at("/noPermission/error354").asBoolean()).isTrue();
        assertThat(steps.at("/historicalData/bars").asInt()).isEqualTo(5);
        assertThat(steps.at("/positions/0/symbol").asText()).isEqualTo("UPRO");
        assertThat(steps.at("/positions/0/pos").asDouble()).isEqualTo(4000.0);
        assertThat(steps.at("/accountSummary/NetLiquidation").asText()).isEqualTo("460000.00");
        JsonNode orders = steps.path("orders");
        assertThat(orders.path("restingOrderRef").asText()).isEqualTo("DRIVE-L1");
        assertThat(orders.path("openOrders").asInt()).isEqualTo(1);
        assertThat(orders.path("allOpenOrders").asInt()).isEqualTo(1);
        assertThat(orders.path("filled").asBoolean()).isTrue();
        assertThat(orders.path("execOrderRef").asText()).isEqualTo("DRIVE-L2");
        assertThat(orders.path("execSide").asText()).isEqualTo("BOT");
        assertThat(orders.path("commission").asDouble()).isEqualTo(1.0);
        assertThat(orders.path("executions").asInt()).isEqualTo(1);
        assertThat(orders.path("executionOrderRefs").get(0).asText()).isEqualTo("DRIVE-L2");
        assertThat(orders.path("completedOrders").asInt()).isEqualTo(2);
    }

    @Test
    void theIndependentClientDecodesTheModelMarketToo() throws Exception {
        SimGatewayConfig config = SimGatewayConfig.defaults().withPort(0).withPermissionlessSymbols(Set.of("VIX"));
        try (SimGateway model = SimGateway.withModelMarket(config).start()) {
            PeerRun run = drive(model.port(), "VIX");
            assertThat(run.exitCode()).as("driver exit code; summary: %s", run.summary()).isZero();
            JsonNode steps = run.summary().path("steps");
            assertThat(steps.at("/secDefOptParams/multiplier").asInt()).isEqualTo(100);
            assertThat(steps.at("/snapshot/impliedVol").asDouble()).isPositive();
            assertThat(steps.at("/snapshot/delta").asDouble()).isNegative();
            assertThat(steps.at("/positions/0/symbol").asText()).isEqualTo("UPRO");
        }
    }

    @Test
    void theDriverFailsWhenThePeerReportsADecodeProblem() throws Exception {
        gateway.faults().padMessages(io.tailguard.broker.ibkr.wire.IncomingMessage.CURRENT_TIME);
        PeerRun run = drive(gateway.port(), "VIX");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.summary().path("ok").asBoolean()).isFalse();
        assertThat(run.summary().path("decodeProblems").toString()).contains("unprocessed data");
    }

    record PeerRun(int exitCode, JsonNode summary) {
    }

    /** Runs the driver against a port and returns its exit code and JSON summary. */
    static PeerRun drive(int port, String permissionlessSymbol) throws IOException, InterruptedException {
        Path interop = Path.of("interop").toAbsolutePath();
        assertThat(interop.resolve("node_modules/@stoqey/ib")).as("peer installed by `npm ci` in interop/ "
                + "(run ./mvnw generate-test-resources)").exists();
        File output = Files.createTempFile("drive-sim", ".json").toFile();
        File errors = Files.createTempFile("drive-sim", ".err").toFile();
        try {
            Process node = new ProcessBuilder("node", "drive-sim.js", Integer.toString(port), permissionlessSymbol)
                    .directory(interop.toFile()).redirectOutput(output).redirectError(errors).start();
            if (!node.waitFor(PEER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("drive-sim.js did not finish within " + PEER_TIMEOUT + "; stderr: "
                        + Files.readString(errors.toPath(), StandardCharsets.UTF_8));
            }
            String json = Files.readString(output.toPath(), StandardCharsets.UTF_8);
            String stderr = Files.readString(errors.toPath(), StandardCharsets.UTF_8);
            assertThat(json).as("driver output (exit %d, stderr: %s)", node.exitValue(), stderr).isNotBlank();
            return new PeerRun(node.exitValue(), new ObjectMapper().readTree(json));
        } finally {
            output.delete();
            errors.delete();
        }
    }
}
