package io.tailguard.console;

import io.tailguard.app.BrokerConnection;
import io.tailguard.broker.BrokerConfig;
import io.tailguard.domain.Quote;
import io.tailguard.orders.GateContext;
import io.tailguard.orders.GateDecision;
import io.tailguard.orders.MarketStatus;
import io.tailguard.proposal.Proposal;
import io.tailguard.orders.ProposalChecks;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import io.tailguard.orders.TradingState;
import io.tailguard.orders.TransmissionGates;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.orders.store.StoredExecution;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import io.tailguard.domain.TraderTime;

/** {@code tailguard proposal ID}: everything the trader needs to decide. */
@Command(name = "proposal", mixinStandardHelpOptions = true,
        description = "Show one proposal: legs, limit prices, whether its market is open (and when an approved order "
                + "is worked), current quotes, the strategy's metrics, each named check, its orders and fills with "
                + "why each ended, and its history.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard proposal P-20261204-101530-3fa",
            "  tailguard proposal P-20261204-101530-3fa --quote-timeout PT2S",
            "  tailguard proposal P-20261204-101530-3fa --no-quotes"})
public final class ProposalCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The proposal id (see `tailguard proposals`).")
    String id;

    @Option(names = "--quote-timeout", defaultValue = "PT5S", paramLabel = "DURATION",
            description = "How long to wait for the broker, to connect and for each quote, before showing the "
                    + "proposal without quotes (default: ${DEFAULT-VALUE}).")
    Duration quoteTimeout;

    @Option(names = "--no-quotes", description = "Do not connect to the broker for current quotes.")
    boolean noQuotes;

    @Override
    public Integer call() {
        try (OrdersConsole console = OrdersConsole.open(root.configFile())) {
            PrintWriter out = spec.commandLine().getOut();
            Optional<Proposal> found = console.proposals.find(id);
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("tailguard: no proposal " + id);
                return TailguardCommand.RUNTIME_FAILURE;
            }
            Proposal p = found.get();
            out.printf("proposal   %s  %s  (%s, created %s by %s)%n", p.id(), p.state(), p.strategy(),
                    TraderTime.format(p.createdAt()), p.createdBy());
            if (p.approvalExpiresAt() != null) {
                out.printf("approval   valid until %s%n", TraderTime.format(p.approvalExpiresAt()));
            }
            console.proposals.cancelRequest(p.id()).ifPresent(c -> out.printf(
                    "cancel     requested by %s@%s at %s: %s%n", c.who().name(), c.who().host(),
                    TraderTime.format(c.requestedAt()), c.reason()));
            out.printf("rationale  %s%n", p.rationale().isEmpty() ? "-" : p.rationale());
            for (ProposalLeg l : p.legs()) {
                out.printf("leg        %-14s %-4s %3d %-22s limit %-7s worst %-7s bounds %-12s %s%n", l.legId(), l.side(),
                        l.quantity(), l.contract().describe(), l.limitPrice().toPlainString(),
                        l.worstPrice().toPlainString(), l.bounds().describe(), l.intent());
            }
            ProposalChecks.Report report = console.checks().run(p);
            boolean pending = !p.state().isFinal() && p.state() != ProposalState.SUBMITTED;
            if (pending) {
                out.printf("market     %s%n", ApproveCommand.marketLine(report.market(), console.clock.instant()));
            }
            printQuotes(console, p, report.market(), out);
            out.printf("premium    at most %s USD paid at the worst prices%n", p.maxPremiumPaid().toPlainString());
            for (Map.Entry<String, String> m : p.metrics().entrySet()) {
                out.printf("metric     %-22s %s%n", m.getKey(), m.getValue());
            }
            ApproveCommand.printChecks(out, p.id(), report);
            if (console.config.trading().dryRun()) {
                out.printf("check      dry run: the daemon will record what it would send and transmit nothing%n");
            }
            out.printf("check      the paper-trading gate, covered calls and the quotes are checked again by the daemon at "
                    + "transmission%n");
            printOrders(console, p, out);
            for (ProposalStore.Event e : console.proposals.events(p.id())) {
                out.printf("event      %s  %-16s %-14s %s%n", TraderTime.format(e.occurredAt()), e.type(),
                        e.actor() + "@" + e.host(), e.detail() == null ? "" : e.detail());
            }
            return TailguardCommand.OK;
        }
    }

    /** Each order with its fills and, once it ended, why; and the legs that ended without an order. */
    private static void printOrders(OrdersConsole console, Proposal p, PrintWriter out) {
        for (BrokerOrder o : console.orders.byProposal(p.id())) {
            out.printf("order      %d %-14s %-16s filled %s/%s%s limit %s%s%s%n", o.orderId(), o.legId(), o.state(),
                    o.filledQty().toPlainString(), o.quantity().toPlainString(),
                    o.avgPrice() == null ? "" : " @ " + o.avgPrice().toPlainString(), o.limitPrice().toPlainString(),
                    o.inferred() ? " (adopted by reconciliation)" : "",
                    o.endReason() != null ? "  ended: " + o.describeEnd()
                            : o.lastMessage() == null ? "" : "  [" + o.lastMessage() + "]");
            for (StoredExecution e : console.orders.executions(o.orderId())) {
                out.printf("  fill     %s %s x %s  commission %s%s%n", e.execId(), e.shares().toPlainString(),
                        e.price().toPlainString(), e.commission() == null ? "unknown (report not yet received)"
                                : e.commission().toPlainString(), e.inferred() ? " (inferred)" : "");
            }
        }
        for (Map.Entry<String, ProposalStore.LegEnd> e : console.proposals.legEnds(p.id()).entrySet()) {
            out.printf("order      none %-14s not sent: %s%n", e.getKey(), e.getValue().describe());
        }
    }

    /**
     * Each leg's current quote through the configured broker (like {@code tailguard chain}), with the gates
     * that look at a quote run on it now: stale, crossed, mid outside the proposal's bounds. The broker
     * gets {@link #quoteTimeout}; if it cannot be reached the proposal is shown without quotes.
     */
    private void printQuotes(OrdersConsole console, Proposal p, MarketStatus market, PrintWriter out) {
        if (noQuotes) {
            out.printf("quotes     not fetched (--no-quotes)%n");
            return;
        }
        BrokerConfig b = console.config.broker();
        BrokerConfig quick = new BrokerConfig(b.mode(), b.host(), b.port(), b.clientId(), b.marketDataType(),
                b.messagesPerSecond(), b.maxMarketDataLines(), shorter(b.connectTimeout()),
                shorter(b.requestTimeout()));
        TransmissionGates gates = console.gates();
        try (BrokerConnection connection = BrokerConnection.open(console.config.withBroker(quick), console.clock,
                ChainCommand.CONSOLE_CLIENT_ID_OFFSET)) {
            out.printf("quotes     from %s%n", connection.describe());
            for (ProposalLeg l : p.legs()) {
                Quote q;
                try {
                    q = connection.broker().snapshot(l.contract());
                } catch (RuntimeException e) {
                    out.printf("quote      %-14s unavailable: %s%n", l.legId(), reason(e));
                    continue;
                }
                Instant now = console.clock.instant();
                GateContext ctx = new GateContext("", TradingState.ACTIVE, q, now, List.of(), BigDecimal.ZERO);
                List<GateDecision.Denied> refusals = Stream.of(gates.quote(ctx), gates.priceBounds(l, l.limitPrice(), q))
                        .filter(d -> d instanceof GateDecision.Denied).map(d -> (GateDecision.Denied) d).toList();
                // at 20:13 a quote can look fine while nothing can trade: the session is a gate too
                String gatesNow = !refusals.isEmpty() ? "gates would refuse it now: " + GateDecision.describe(refusals)
                        : market instanceof MarketStatus.Closed closed ? "quote and bounds ok; market-hours: closed, "
                                + "held until " + TraderTime.format(closed.opensAt())
                        : "gates: ok now";
                out.printf(Locale.ROOT, "quote      %-14s bid %s  ask %s  mid %s  age %.1f s  %s%n", l.legId(),
                        price(q.bid()), price(q.ask()), price(q.mid()), q.ageAt(now).toMillis() / 1000.0, gatesNow);
            }
        } catch (RuntimeException e) {
            out.printf("quotes     unavailable: %s%n", reason(e));
        }
    }

    private Duration shorter(Duration configured) {
        return configured.compareTo(quoteTimeout) < 0 ? configured : quoteTimeout;
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String price(double p) {
        return Quote.isPrice(p) ? String.format(Locale.ROOT, "%.2f", p) : "-";
    }
}
