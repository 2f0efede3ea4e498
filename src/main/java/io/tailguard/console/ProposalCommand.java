package io.tailguard.console;

import io.tailguard.app.config.TradingConfig;
import io.tailguard.orders.GateContext;
import io.tailguard.orders.GateDecision;
import io.tailguard.orders.Proposal;
import io.tailguard.orders.ProposalLeg;
import io.tailguard.orders.TransmissionGates;
import io.tailguard.orders.store.BrokerOrder;
import io.tailguard.orders.store.ProposalStore;
import io.tailguard.orders.store.StoredExecution;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard proposal ID}: everything the trader needs to decide. */
@Command(name = "proposal", mixinStandardHelpOptions = true,
        description = "Show one proposal: legs, limit prices, current quotes, the strategy's metrics, the risk "
                + "checks, its orders and fills, and its history.",
        footerHeading = "%nExamples:%n", footer = {"  tailguard proposal P20261123-150000-3fa"})
public final class ProposalCommand implements Callable<Integer> {
    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The proposal id (see `tailguard proposals`).")
    String id;

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
            ZoneId zone = console.config.schedule().timeZone();
            out.printf("proposal   %s  %s  (%s, created %s by %s)%n", p.id(), p.state(), p.strategy(),
                    ProposalsCommand.TIME.format(p.createdAt().atZone(zone)), p.createdBy());
            if (p.approvalExpiresAt() != null) {
                out.printf("approval   valid until %s%n", ProposalsCommand.TIME.format(p.approvalExpiresAt().atZone(zone)));
            }
            out.printf("rationale  %s%n", p.rationale().isEmpty() ? "-" : p.rationale());
            for (ProposalLeg l : p.legs()) {
                out.printf("leg        %-14s %-4s %3d %-22s limit %-7s worst %-7s bounds %-12s %s%n", l.legId(), l.side(),
                        l.quantity(), l.contract().describe(), l.limitPrice().toPlainString(),
                        l.worstPrice().toPlainString(), l.bounds().describe(), l.intent());
            }
            out.printf("quotes     unavailable (the console does not connect to the broker; the daemon checks "
                    + "quotes before it transmits)%n");
            out.printf("premium    at most %s USD paid at the worst prices%n", p.maxPremiumPaid().toPlainString());
            for (Map.Entry<String, String> m : p.metrics().entrySet()) {
                out.printf("metric     %-22s %s%n", m.getKey(), m.getValue());
            }
            printChecks(console, p, out);
            for (BrokerOrder o : console.orders.byProposal(p.id())) {
                out.printf("order      %d %-14s %-16s filled %s/%s%s limit %s%s%s%n", o.orderId(), o.legId(), o.state(),
                        o.filledQty().toPlainString(), o.quantity().toPlainString(),
                        o.avgPrice() == null ? "" : " @ " + o.avgPrice().toPlainString(), o.limitPrice().toPlainString(),
                        o.inferred() ? " (adopted by reconciliation)" : "",
                        o.lastMessage() == null ? "" : "  [" + o.lastMessage() + "]");
                for (StoredExecution e : console.orders.executions(o.orderId())) {
                    out.printf("  fill     %s %s x %s  commission %s%s%n", e.execId(), e.shares().toPlainString(),
                            e.price().toPlainString(), e.commission() == null ? "unknown (report not yet received)"
                                    : e.commission().toPlainString(), e.inferred() ? " (inferred)" : "");
                }
            }
            for (ProposalStore.Event e : console.proposals.events(p.id())) {
                out.printf("event      %s  %-12s %-14s %s%n", ProposalsCommand.TIME.format(e.occurredAt().atZone(zone)),
                        e.type(), e.actor() + "@" + e.host(), e.detail() == null ? "" : e.detail());
            }
            return TailguardCommand.OK;
        }
    }

    /** The checks the console can run without the broker: trading state, limits, budget, price bounds. */
    private static void printChecks(OrdersConsole console, Proposal p, PrintWriter out) {
        TradingConfig trading = console.config.trading();
        TransmissionGates gates = new TransmissionGates(trading, System.getenv());
        ZoneId ny = ZoneId.of("America/New_York");
        Instant weekStart = console.clock.instant().atZone(ny).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ny).toInstant();
        BigDecimal committed = console.orders.premiumCommittedSince(weekStart, p.id());
        GateContext ctx = new GateContext("", console.tradingState.current().state(), null, console.clock.instant(),
                List.of(), committed);
        for (ProposalLeg l : p.legs()) {
            List<GateDecision> checks = List.of(gates.tradingState(ctx.tradingState(), l), gates.contractsPerOrder(l),
                    gates.notional(l, l.limitPrice()), gates.weeklyPremium(p, ctx),
                    gates.priceBounds(l, l.limitPrice(), null));
            for (GateDecision d : checks) {
                out.printf("check      %-14s %s%n", l.legId(), d instanceof GateDecision.Denied denied
                        ? "DENIED " + denied.describe() : "ok");
            }
        }
        if (trading.dryRun()) {
            out.printf("check      dry run: the daemon will record what it would send and transmit nothing%n");
        }
        out.printf("check      paper-trading gate, quotes and covered calls are checked by the daemon at transmission%n");
    }
}
