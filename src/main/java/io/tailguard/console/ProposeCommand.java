package io.tailguard.console;

import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.orders.Actor;
import io.tailguard.orders.LegIntent;
import io.tailguard.orders.PriceBounds;
import io.tailguard.orders.Proposal;
import io.tailguard.orders.ProposalLeg;
import io.tailguard.orders.ProposalState;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tailguard propose}: a one-leg proposal by hand, until the strategies propose by themselves. */
@Command(name = "propose", mixinStandardHelpOptions = true,
        description = "Create a one-leg proposal by hand. An option is QTY SYMBOL EXPIRY STRIKE P|C, a stock QTY SYMBOL. "
                + "It still has to be approved (`tailguard approve ID`).",
        footerHeading = "%nExamples:%n", footer = {
            "  tailguard propose --buy 2 XSP 2026-11-27 580 P --limit 1.25 --worst 1.40",
            "  tailguard propose --sell 3 UPRO 2026-11-27 95 C --limit 2.05 --worst 1.90 --rationale \"IV rank 85\"",
            "  tailguard propose --sell 100 UPRO --limit 88.10 --worst 87.50"})
public final class ProposeCommand implements Callable<Integer> {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private static final SecureRandom RANDOM = new SecureRandom();

    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--buy", arity = "2..5", paramLabel = "ARG", description = "QTY SYMBOL [EXPIRY STRIKE P|C]")
    List<String> buy;

    @Option(names = "--sell", arity = "2..5", paramLabel = "ARG", description = "QTY SYMBOL [EXPIRY STRIKE P|C]")
    List<String> sell;

    @Option(names = "--limit", required = true, paramLabel = "PRICE", description = "Proposed limit price.")
    BigDecimal limit;

    @Option(names = "--worst", required = true, paramLabel = "PRICE",
            description = "Furthest re-pricing may go: a ceiling for a buy, a floor for a sell.")
    BigDecimal worst;

    @Option(names = "--low", paramLabel = "PRICE", description = "Lowest market mid at which the approval stays valid "
            + "(default: 0 for a buy, the worst price for a sell).")
    BigDecimal low;

    @Option(names = "--high", paramLabel = "PRICE", description = "Highest market mid at which the approval stays valid "
            + "(default: the worst price for a buy, 10 x the limit for a sell).")
    BigDecimal high;

    @Option(names = "--intent", paramLabel = "INTENT", description = "${COMPLETION-CANDIDATES} (default from the leg: "
            + "buy put BUY_PROTECTION, sell call OPEN_SHORT_CALL, sell stock SELL_UNDERLYING, buy stock BUY_UNDERLYING, "
            + "buy call CLOSE_POSITION).")
    LegIntent intent;

    @Option(names = "--multiplier", defaultValue = "100", description = "Option multiplier (default ${DEFAULT-VALUE}).")
    int multiplier;

    @Option(names = "--rationale", defaultValue = "entered by hand", paramLabel = "TEXT")
    String rationale;

    @Override
    public Integer call() {
        Proposal proposal;
        try {
            proposal = build(Instant.now());
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            spec.commandLine().getErr().println("tailguard: propose: " + e.getMessage());
            return TailguardCommand.USAGE_ERROR;
        }
        try (OrdersConsole console = OrdersConsole.open(root.configFile())) {
            proposal = build(console.clock.instant()); // checked above; stamped on the market clock (sim.clock)
            console.proposals.insert(proposal, Actor.currentUser());
            console.audit.record("PROPOSAL_CREATED", proposal.id(), proposal.legs().get(0).describe());
            spec.commandLine().getOut().printf("proposed %s: %s%n", proposal.id(), proposal.legs().get(0).describe());
            spec.commandLine().getOut().printf("approve with: tailguard approve %s%n", proposal.id());
            return TailguardCommand.OK;
        }
    }

    Proposal build(Instant now) {
        if ((buy == null) == (sell == null)) {
            throw new IllegalArgumentException("give exactly one of --buy or --sell");
        }
        OrderSide side = buy != null ? OrderSide.BUY : OrderSide.SELL;
        List<String> args = buy != null ? buy : sell;
        if (args.size() != 2 && args.size() != 5) {
            throw new IllegalArgumentException("expected QTY SYMBOL or QTY SYMBOL EXPIRY STRIKE P|C, got " + args);
        }
        int qty = Integer.parseInt(args.get(0));
        String symbol = args.get(1).toUpperCase(Locale.ROOT);
        Contract contract;
        if (args.size() == 2) {
            contract = Contract.stock(symbol);
        } else {
            OptionRight right = switch (args.get(4).toUpperCase(Locale.ROOT)) {
                case "P", "PUT" -> OptionRight.PUT;
                case "C", "CALL" -> OptionRight.CALL;
                default -> throw new IllegalArgumentException("right must be P or C, was " + args.get(4));
            };
            contract = Contract.option(symbol, LocalDate.parse(args.get(2)), new BigDecimal(args.get(3)), right, symbol,
                    multiplier);
        }
        LegIntent legIntent = intent != null ? intent : defaultIntent(side, contract);
        BigDecimal lo = low != null ? low : side == OrderSide.BUY ? BigDecimal.ZERO : worst;
        BigDecimal hi = high != null ? high : side == OrderSide.BUY ? worst : limit.multiply(BigDecimal.TEN);
        String id = "P" + ID_TIME.format(now) + "-" + String.format("%03x", RANDOM.nextInt(4096));
        ProposalLeg leg = new ProposalLeg(id + "-L1", contract, side, qty, limit, worst, new PriceBounds(lo, hi), legIntent);
        return new Proposal(id, ProposalState.PROPOSED, "manual", rationale, Map.of("source", "tailguard propose"),
                List.of(leg), now, Actor.currentUser().name(), null);
    }

    private static LegIntent defaultIntent(OrderSide side, Contract c) {
        if (!c.isOption()) {
            return side == OrderSide.BUY ? LegIntent.BUY_UNDERLYING : LegIntent.SELL_UNDERLYING;
        }
        if (c.right() == OptionRight.PUT) {
            if (side == OrderSide.BUY) {
                return LegIntent.BUY_PROTECTION;
            }
            throw new IllegalArgumentException("tailguard does not write puts; use --intent CLOSE_POSITION to sell "
                    + "puts it holds");
        }
        return side == OrderSide.SELL ? LegIntent.OPEN_SHORT_CALL : LegIntent.CLOSE_POSITION;
    }
}
