package io.tailguard.console;

import io.tailguard.app.BrokerConnection;
import io.tailguard.app.MarketClock;
import io.tailguard.app.config.ConfigLoader;
import io.tailguard.app.config.TailguardConfig;
import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ListedExpiries;
import io.tailguard.domain.Contract;
import io.tailguard.domain.MissingOption;
import io.tailguard.domain.OptionChain;
import io.tailguard.domain.OptionQuote;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.Quote;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import io.tailguard.domain.TraderTime;

/** {@code tailguard chain XSP --expiry next --width 10%}: a chain pulled through our client. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "Pull an option chain through the broker (the embedded simulated gateway by default, or TWS "
                + "with a tws config) and print strike, right, bid, ask, last, implied vol and delta.",
        footerHeading = "%nExamples:%n",
        footer = {"  tailguard chain XSP --expiry next --width 10%%",
                "  tailguard chain UPRO --expiry next --rights C --width 15%%",
                "  tailguard -c config/tailguard-tws-paper.yaml chain XSP --width 5%%"})
public final class ChainCommand implements Callable<Integer> {
    /** Console commands connect with the daemon's client id plus this, so both can be connected at once. */
    static final int CONSOLE_CLIENT_ID_OFFSET = 1;
    private static final Set<String> INDICES = Set.of("SPX", "XSP", "VIX", "VIX9D", "VIX3M", "TNX");

    @ParentCommand
    TailguardCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SYMBOL", description = "Underlying: an index (XSP, SPX) or a stock (UPRO).")
    String symbol;

    @Option(names = "--expiry", defaultValue = "next", paramLabel = "next|YYYY-MM-DD",
            converter = ArgumentTypes.ExpiryChoiceConverter.class,
            description = "A listed expiry, or 'next' for the first listed expiry after today (New York). "
                    + "Default: next.")
    ArgumentTypes.ExpiryChoice expiry;

    @Option(names = "--width", defaultValue = "10%", paramLabel = "PCT", converter = ArgumentTypes.StrikeWindowConverter.class,
            description = "Strike window around the underlying price, e.g. 10%% (default: 10%%).")
    ArgumentTypes.StrikeWindow width;

    @Option(names = "--rights", defaultValue = "P,C", split = ",", paramLabel = "P|C",
            converter = ArgumentTypes.RightConverter.class, description = "Rights to pull (default: P,C).")
    Set<OptionRight> rights;

    @Option(names = "--class", paramLabel = "CLASS", description = "Trading class (default: the symbol).")
    String tradingClass;

    @Option(names = "--timeout", defaultValue = "PT120S", description = "How long to wait for quotes (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        TailguardConfig config = ConfigLoader.fromSystemEnvironment().load(root.configFile());
        String upper = symbol.toUpperCase(Locale.ROOT);
        Contract underlying = INDICES.contains(upper) ? Contract.index(upper, "CBOE") : Contract.stock(upper);
        String cls = tradingClass == null ? upper : tradingClass;
        ChainRequest request;
        // in sim mode the running daemon's market and clock, when it publishes them; else this command's own
        Clock clock = MarketClock.forConsole(config, Clock.systemUTC());
        try (BrokerConnection connection = BrokerConnection.open(config, clock, CONSOLE_CLIENT_ID_OFFSET)) {
            spec.commandLine().getOut().printf("broker: %s; market time %s (%s)%n", connection.describe(),
                    TraderTime.format(clock.instant()), MarketClock.describe(clock));
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("America/New_York")));
            LocalDate target = expiry instanceof ArgumentTypes.ExpiryChoice.On on ? on.date()
                    : ListedExpiries.firstOnOrAfter(connection.broker(), underlying, cls, today.plusDays(1));
            request = new ChainRequest(underlying, cls, target, width.fraction(), EnumSet.copyOf(rights), timeout);
            print(connection.broker().optionChain(request), spec.commandLine().getOut());
        }
        return TailguardCommand.OK;
    }

    static void print(OptionChain chain, PrintWriter out) {
        out.printf(Locale.ROOT, "%s %s  underlying %.2f  %d options, %d missing  (pulled %s)%n",
                chain.underlyingSymbol(), chain.expiry(), chain.underlyingPrice(), chain.options().size(),
                chain.missing().size(), TraderTime.format(chain.pulledAt()));
        chain.warnings().forEach(w -> out.println("warning: " + w));
        out.printf("%10s %5s %9s %9s %9s %8s %8s%n", "strike", "right", "bid", "ask", "last", "iv", "delta");
        chain.options().stream()
                .sorted(Comparator.comparing((OptionQuote o) -> o.contract().strike())
                        .thenComparing(o -> o.contract().right()))
                .forEach(o -> {
                    Quote q = o.quote();
                    out.printf(Locale.ROOT, "%10s %5s %9s %9s %9s %8s %8s%n", o.contract().strike().toPlainString(),
                            o.contract().right() == OptionRight.PUT ? "P" : "C", price(q.bid()), price(q.ask()),
                            price(q.last()), pct(q.greeks().impliedVol()), num(q.greeks().delta()));
                });
        for (MissingOption m : chain.missing()) {
            out.printf("missing %s %s: %s%n", m.strike().toPlainString(), m.right(), m.reason());
        }
    }

    private static String price(double p) {
        return Quote.isPrice(p) ? String.format(Locale.ROOT, "%.2f", p) : "-";
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
