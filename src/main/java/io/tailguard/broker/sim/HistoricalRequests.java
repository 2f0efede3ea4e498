package io.tailguard.broker.sim;

import io.tailguard.broker.ibkr.wire.FieldReader;
import io.tailguard.broker.ibkr.wire.OutgoingMessage;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.DailyBar;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** REQ_HISTORICAL_DATA (daily bars) and CANCEL_HISTORICAL_DATA, under IB's pacing rules (error 162). */
final class HistoricalRequests {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([SDWMY])");
    private static final DateTimeFormatter BAR_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    private HistoricalRequests() {
    }

    static void register(Map<Integer, RequestHandler> table) {
        table.put(OutgoingMessage.REQ_HISTORICAL_DATA, HistoricalRequests::request);
        table.put(OutgoingMessage.CANCEL_HISTORICAL_DATA, (s, in) -> {
            in.readInt();
            if (s.openHistorical().remove(in.readInt())) {
                s.gateway().pacing().closed();
            }
        });
    }

    private static void request(SimSession s, FieldReader in) {
        int reqId = in.readInt();
        RequestedContract query = RequestedContract.read(in);
        in.readBool(); // includeExpired
        String end = in.readString();
        String barSize = in.readString();
        String duration = in.readString();
        String useRth = in.readString();
        String whatToShow = in.readString();
        in.readString(); // formatDate
        if ("BAG".equalsIgnoreCase(query.secType())) {
            in.skip(in.readInt() * 4);
        }
        boolean keepUpToDate = in.readBool();
        SimGateway gateway = s.gateway();
        List<ContractDetails> found = query.resolve(gateway.market());
        if (found.size() != 1) {
            s.reply(OutgoingMessage.REQ_HISTORICAL_DATA, List.of(GatewayMessages.error(reqId, TwsCode.NO_SECURITY_DEFINITION)));
            return;
        }
        long conId = found.get(0).contract().conId();
        Optional<Integer> days = tradingDays(duration);
        if (!"1 day".equalsIgnoreCase(barSize.trim()) || days.isEmpty()) {
            s.reply(OutgoingMessage.REQ_HISTORICAL_DATA, List.of(GatewayMessages.error(reqId,
                    TwsCode.ERROR_VALIDATING_REQUEST.code(), TwsCode.ERROR_VALIDATING_REQUEST.text()
                            + ": the simulated gateway serves daily bars only (bar size '" + barSize
                            + "', duration '" + duration + "')")));
            return;
        }
        String requestKey = conId + "|" + end + "|" + barSize + "|" + duration + "|" + whatToShow + "|" + useRth;
        Optional<String> violation = gateway.pacing().admit(Long.toString(conId), requestKey);
        if (violation.isPresent()) {
            s.reply(OutgoingMessage.REQ_HISTORICAL_DATA, List.of(GatewayMessages.error(reqId, TwsCode.HISTORICAL_PACING.code(),
                    TwsCode.HISTORICAL_PACING.text() + " (" + violation.get() + ")")));
            return;
        }
        gateway.pacing().opened();
        List<DailyBar> bars = gateway.market().dailyBars(conId, days.get());
        String endText = gateway.market().now().atZone(java.time.ZoneId.of("America/New_York")).format(BAR_TIME);
        String startText = bars.isEmpty() ? endText : bars.get(0).date().atStartOfDay().format(BAR_TIME);
        byte[] data = GatewayMessages.historicalData(reqId, startText, endText, bars);
        if (keepUpToDate) {
            // stays open (and counts against the 50 open requests) until cancelled
            s.openHistorical().add(reqId);
            s.reply(OutgoingMessage.REQ_HISTORICAL_DATA, List.of(data));
        } else {
            s.reply(OutgoingMessage.REQ_HISTORICAL_DATA, List.of(data), () -> gateway.pacing().closed());
        }
    }

    /** IB durations in trading days: "5 D", "2 W", "6 M", "1 Y" (seconds round up to a day). */
    static Optional<Integer> tradingDays(String duration) {
        Matcher m = DURATION.matcher(duration.trim().toUpperCase());
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        int days = switch (m.group(2)) {
            case "S" -> (n + 86_399) / 86_400;
            case "D" -> n;
            case "W" -> n * 5;
            case "M" -> n * 21;
            default -> n * 252;
        };
        return days > 0 ? Optional.of(days) : Optional.empty();
    }
}
