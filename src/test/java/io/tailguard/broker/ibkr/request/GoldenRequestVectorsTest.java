package io.tailguard.broker.ibkr.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tailguard.broker.ibkr.wire.FrameCodec;
import io.tailguard.broker.ibkr.wire.ServerVersion;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.OrderTicket;
import io.tailguard.domain.TimeInForce;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Our request frames against the reference peer's (@stoqey/ib 1.6.10) for the same calls, byte for
 * byte: once against the peer run now (interop/golden/encode-requests.js), once against the vectors
 * committed in src/test/resources/golden/requests.json, so a silent change on either side is caught.
 * The calls here mirror the CALLS table of the script.
 */
class GoldenRequestVectorsTest {
    private static final LocalDate EXPIRY = LocalDate.of(2026, 11, 27);
    private static final Contract XSP_PUT = Contract.option("XSP", EXPIRY, BigDecimal.valueOf(590), OptionRight.PUT,
            "XSP", 100);
    private static final Contract UPRO = Contract.stock("UPRO");
    private static final Contract SPX = Contract.index("SPX", "CBOE");
    private static final ContractSpec XSP_BAG = new ContractSpec(0, "XSP", "BAG", "", null, "", "", "SMART", "", "USD",
            "", "", false);
    private static final String SUMMARY_TAGS = "NetLiquidation,TotalCashValue,BuyingPower";

    static Map<String, byte[]> ourFrames() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("hello", FrameCodec.clientHello(ServerVersion.MIN_CLIENT, ServerVersion.REQUIRED, null));
        put(m, "startApi", RequestEncoder.startApi(7));
        put(m, "reqIds", RequestEncoder.reqIds(1));
        put(m, "reqCurrentTime", RequestEncoder.reqCurrentTime());
        put(m, "reqMarketDataType", RequestEncoder.reqMarketDataType(3));
        put(m, "reqContractDetails.xspPut", RequestEncoder.reqContractData(100000001, ContractSpec.of(XSP_PUT)));
        put(m, "reqContractDetails.xspExpiry", RequestEncoder.reqContractData(100000002,
                ContractSpec.optionClass("XSP", "XSP", EXPIRY, null, "SMART", "USD")));
        put(m, "reqContractDetails.upro", RequestEncoder.reqContractData(100000003, ContractSpec.of(UPRO)));
        put(m, "reqContractDetails.spx", RequestEncoder.reqContractData(100000004, ContractSpec.of(SPX)));
        put(m, "reqSecDefOptParams.xsp", RequestEncoder.reqSecDefOptParams(100000005, "XSP", "", "IND", 416904));
        put(m, "reqMktData.xspPutSnapshot", RequestEncoder.reqMktData(100000006,
                ContractSpec.of(XSP_PUT.withConId(123456789)), "", true, false));
        put(m, "reqMktData.uproStream", RequestEncoder.reqMktData(100000007, ContractSpec.of(UPRO), "106", false, false));
        put(m, "reqMktData.spxSnapshot", RequestEncoder.reqMktData(100000008, ContractSpec.of(SPX), "", true, false));
        put(m, "cancelMktData", RequestEncoder.cancelMktData(100000007));
        put(m, "reqHistoricalData.upro", RequestEncoder.reqHistoricalData(100000009, ContractSpec.of(UPRO), "", "12 D",
                "1 day", "TRADES", true, 1, false));
        put(m, "reqHistoricalData.spx", RequestEncoder.reqHistoricalData(100000010, ContractSpec.of(SPX), "", "365 D",
                "1 day", "TRADES", true, 1, false));
        put(m, "reqPositions", RequestEncoder.reqPositions());
        put(m, "cancelPositions", RequestEncoder.cancelPositions());
        put(m, "reqAccountSummary", RequestEncoder.reqAccountSummary(100000011, "All", SUMMARY_TAGS));
        put(m, "cancelAccountSummary", RequestEncoder.cancelAccountSummary(100000011));
        put(m, "reqMarketRule", RequestEncoder.reqMarketRule(26));
        put(m, "placeOrder.xspPut", OrderEncoder.placeOrder(new OrderSpec(1001,
                ContractSpec.of(XSP_PUT.withConId(123456789)), List.of(), "BUY", BigDecimal.valueOf(2),
                new BigDecimal("1.25"), "DAY", "DU1234567", "P20261120-L1", Map.of())));
        put(m, "placeOrder.uproStock", OrderEncoder.placeOrder(OrderSpec.of(new OrderTicket(1002,
                UPRO.withConId(75961307), OrderSide.SELL, BigDecimal.valueOf(150), new BigDecimal("71.37"),
                TimeInForce.DAY, "P20261120-L2", "DU1234567"))));
        put(m, "placeOrder.xspSpread", OrderEncoder.placeOrder(new OrderSpec(1003, XSP_BAG,
                List.of(new ComboLegSpec(123456789, 1, "BUY", "SMART"), new ComboLegSpec(123456790, 1, "SELL", "SMART")),
                "BUY", BigDecimal.valueOf(3), new BigDecimal("0.85"), "DAY", "DU1234567", "P20261120-L3",
                Map.of("NonGuaranteed", "1"))));
        put(m, "cancelOrder", OrderEncoder.cancelOrder(1001));
        put(m, "reqOpenOrders", OrderEncoder.reqOpenOrders());
        put(m, "reqAllOpenOrders", OrderEncoder.reqAllOpenOrders());
        put(m, "reqCompletedOrders", OrderEncoder.reqCompletedOrders(true));
        put(m, "reqExecutions", OrderEncoder.reqExecutions(100000012, "DU1234567",
                Instant.parse("2026-11-20T14:30:00Z")));
        return m;
    }

    @Test
    void placeOrderHas118FieldsForOneContractAnd139ForATwoLegCombo() {
        Map<String, byte[]> m = ourFrames();
        assertThat(fieldCount(m.get("placeOrder.xspPut"))).isEqualTo(118);
        assertThat(fieldCount(m.get("placeOrder.uproStock"))).isEqualTo(118);
        assertThat(fieldCount(m.get("placeOrder.xspSpread"))).isEqualTo(139);
    }

    private static int fieldCount(byte[] frame) {
        int n = 0;
        for (int i = 4; i < frame.length; i++) {
            if (frame[i] == 0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void encodesEveryCallToTheSameBytesAsThePeerDoesNow() throws Exception {
        assertSameFrames(runPeer(), "the peer run now");
    }

    @Test
    void encodesEveryCallToTheCommittedGoldenVectors() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/requests.json")) {
            assertThat(in).as("src/test/resources/golden/requests.json").isNotNull();
            assertSameFrames(new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { }),
                    "the committed vectors");
        }
    }

    private static void assertSameFrames(Map<String, String> expected, String source) {
        Map<String, String> ours = new LinkedHashMap<>();
        ourFrames().forEach((k, v) -> ours.put(k, HexFormat.of().formatHex(v)));
        assertThat(ours.keySet()).as("calls covered by " + source).containsExactlyInAnyOrderElementsOf(expected.keySet());
        ours.forEach((call, hex) -> assertThat(readable(hex)).as(call + " against " + source)
                .isEqualTo(readable(expected.get(call))));
    }

    /** Frames shown as text with NULs as '|' so a mismatch reads as fields, not hex. */
    private static String readable(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return new String(b, StandardCharsets.ISO_8859_1).replace('\0', '|');
    }

    private static void put(Map<String, byte[]> m, String name, byte[] payload) {
        m.put(name, FrameCodec.frame(payload));
    }

    private static Map<String, String> runPeer() throws Exception {
        Path interop = Path.of("interop").toAbsolutePath();
        Path script = interop.resolve("golden/encode-requests.js");
        if (!Files.isDirectory(interop.resolve("node_modules/@stoqey/ib"))) {
            fail("interop/node_modules is missing: run `cd interop && npm ci` (the Maven build does it)");
        }
        Process p;
        try {
            p = new ProcessBuilder("node", script.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            fail("`node` is not on the PATH: the golden request vectors need Node.js to run the peer (" + e.getMessage() + ")");
            return Map.of();
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the peer script did not finish within 30 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("peer script exit code; stderr: " + err).isZero();
        return new ObjectMapper().readValue(out, new TypeReference<Map<String, String>>() { });
    }
}
