package io.tailguard.console;

import io.tailguard.app.BrokerConnection;
import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.orders.Actor;
import io.tailguard.orders.ContractQualifier;
import io.tailguard.proposal.LegIntent;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.Proposal;
import io.tailguard.orders.ProposalChecks;
import io.tailguard.proposal.ProposalIds;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import io.tailguard.domain.TraderTime;

/**
 * {@code tailguard propose}: a one-leg proposal by hand, until the strategies propose by themselves. The
 * contract is qualified through the configured broker (in {@code sim} mode the embedded simulated gateway)
 * before anything is stored: an expiry the broker does not list (passed, a Saturday), a strike off its grid
 * or an unknown symbol is refused with the reason (exit 2), and so is a proposal over the risk limits
 * (exit 1). Nothing is stored then.
 */
@Command(name = "propose", mixinStandardHelpOptions = true,
        description = "Create a one-leg proposal by hand. An option is QTY SYMBOL EXPIRY STRIKE P|C (EXPIRY a date "
                + "or `next`, the first listed expiry after today), a stock QTY SYMBOL. The contract is checked with "
                + "the broker and the proposal against the risk limits; it still has to be approved "
                + "(`tailguard approve ID`). Exit 2 when the broker lists no such contract, 1 when a limit refuses it.",
        footerHeading = "%nExamples:%n", footer = {
            "  tailguard propose --buy 2 XSP next 580 P --limit 1.25 --worst 1.40",
            "  tailguard propose --buy 2 XSP 2026-12-11 580 P --limit 1.25 --worst 1.40",
            "  tailguard propose --sell 3 UPRO next 95 C --limit 2.05 --worst 1.90 --rationale \"IV rank 85\"",
            "  tailguard propose --sell 100 UPRO --limit 88.10 --worst 87.50"})
public final class ProposeCommand implements Callable<Integer> {
    /** Beside the daemon (0), chain and proposal (1), hedge (2) and bench (3): TWS refuses a client id twice. */
    static final int CLIENT_ID_OFFSET = ChainCommand.CONSOLE_CLIENT_ID_OFFSET + 3;

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

    @Option(names = "--multiplier", defaultValue = "100", description = "Option multiplier, if the broker does not "
            + "give one (default ${DEFAULT-VALUE}).")
    int multiplier;

    @Option(names = "--rationale", defaultValue = "entered by hand", paramLabel = "TEXT")
    String rationale;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LegArgs args;
        try {
            args = parse();
            // the prices and the intent are checked before the broker is asked (the contract is a stand-in)
            build(args.contract(LocalDate.of(2000, 1, 1)), Instant.EPOCH);
        } catch (IllegalArgumentException e) {
            err.println("tailguard: propose: " + e.getMessage());
            return TailguardCommand.USAGE_ERROR;
        }
        try (OrdersConsole console = OrdersConsole.open(root.configFile())) {
            Instant now = console.clock.instant();
            LocalDate today = LocalDate.ofInstant(now, TraderTime.EXCHANGE_ZONE);
            Contract contract;
            try (BrokerConnection connection = BrokerConnection.open(console.config, console.clock, CLIENT_ID_OFFSET)) {
                ContractQualifier qualifier = new ContractQualifier(connection.broker());
                LocalDate expiry = args.next() ? qualifier.nextExpiry(args.symbol(), args.symbol(), today)
                        : args.expiry();
                ContractQualifier.Result r = qualifier.qualify(args.contract(expiry), today);
                if (r instanceof ContractQualifier.NotListed n) {
                    err.println("tailguard: propose: " + n.reason() + "; nothing was stored");
                    return TailguardCommand.USAGE_ERROR;
                }
                contract = ((ContractQualifier.Listed) r).contract();
            } catch (BrokerException e) {
                if (e.kind() == BrokerErrorKind.NOT_FOUND) {
                    err.println("tailguard: propose: " + e.getMessage() + "; nothing was stored");
                    return TailguardCommand.USAGE_ERROR;
                }
                err.println("tailguard: propose: cannot check the contract with the broker (" + e.getMessage()
                        + "); nothing was stored");
                return TailguardCommand.RUNTIME_FAILURE;
            }
            Proposal proposal = build(contract, now);
            ProposalChecks.Report report = console.checks().run(proposal);
            if (!report.limitDenials().isEmpty()) {
                err.println("tailguard: propose: refused by the risk limits: "
                        + ProposalChecks.Report.describe(report.limitDenials()) + "; nothing was stored");
                return TailguardCommand.RUNTIME_FAILURE;
            }
            console.proposals.insert(proposal, Actor.currentUser());
            console.audit.record("PROPOSAL_CREATED", proposal.id(), proposal.legs().get(0).describe());
            out.printf("proposed %s: %s%n", proposal.id(), proposal.legs().get(0).describe());
            out.printf("market     %s%n", ApproveCommand.marketLine(report.market(), now));
            out.printf("approve with: tailguard approve %s%n", proposal.id());
            return TailguardCommand.OK;
        }
    }

    /** The leg as typed: an option (EXPIRY a date, or {@code next} for the first listed one) or a stock. */
    record LegArgs(OrderSide side, int quantity, String symbol, boolean next, LocalDate expiry, BigDecimal strike,
            OptionRight right, int multiplier) {
        boolean isOption() {
            return right != null;
        }

        Contract contract(LocalDate resolvedExpiry) {
            return isOption() ? Contract.option(symbol, resolvedExpiry, strike, right, symbol, multiplier)
                    : Contract.stock(symbol);
        }
    }

    LegArgs parse() {
        if ((buy == null) == (sell == null)) {
            throw new IllegalArgumentException("give exactly one of --buy or --sell");
        }
        OrderSide side = buy != null ? OrderSide.BUY : OrderSide.SELL;
        List<String> a = buy != null ? buy : sell;
        if (a.size() != 2 && a.size() != 5) {
            throw new IllegalArgumentException("expected QTY SYMBOL or QTY SYMBOL EXPIRY STRIKE P|C, got " + a);
        }
        int qty;
        try {
            qty = Integer.parseInt(a.get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("QTY must be a whole number of contracts or shares, was '" + a.get(0)
                    + "'");
        }
        String symbol = a.get(1).toUpperCase(Locale.ROOT);
        if (a.size() == 2) {
            return new LegArgs(side, qty, symbol, false, null, null, null, 0);
        }
        boolean next = "next".equalsIgnoreCase(a.get(2));
        LocalDate expiry = null;
        if (!next) {
            try {
                expiry = LocalDate.parse(a.get(2));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("EXPIRY must be a date (YYYY-MM-DD) or next, was '" + a.get(2)
                        + "'");
            }
        }
        BigDecimal strike;
        try {
            strike = new BigDecimal(a.get(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("STRIKE must be a number, was '" + a.get(3) + "'");
        }
        OptionRight right = switch (a.get(4).toUpperCase(Locale.ROOT)) {
            case "P", "PUT" -> OptionRight.PUT;
            case "C", "CALL" -> OptionRight.CALL;
            default -> throw new IllegalArgumentException("right must be P or C, was " + a.get(4));
        };
        if (multiplier <= 0) {
            throw new IllegalArgumentException("--multiplier must be positive, was " + multiplier);
        }
        return new LegArgs(side, qty, symbol, next, expiry, strike, right, multiplier);
    }

    /** The proposal of one leg on {@code contract} (the broker's, once qualified); its id carries the New York date. */
    Proposal build(Contract contract, Instant now) {
        OrderSide side = buy != null ? OrderSide.BUY : OrderSide.SELL;
        int qty = parse().quantity();
        LegIntent legIntent = intent != null ? intent : defaultIntent(side, contract);
        BigDecimal lo = low != null ? low : side == OrderSide.BUY ? BigDecimal.ZERO : worst;
        BigDecimal hi = high != null ? high : side == OrderSide.BUY ? worst : limit.multiply(BigDecimal.TEN);
        String id = ProposalIds.next("P", now);
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
