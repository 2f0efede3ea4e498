package io.tailguard.broker.ibkr.chain;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ibkr.client.BlockingResult;
import io.tailguard.broker.ibkr.client.MarketSnapshot;
import io.tailguard.broker.ibkr.client.TwsClient;
import io.tailguard.broker.ibkr.connection.Ticker;
import io.tailguard.broker.ibkr.request.ContractSpec;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.MissingOption;
import io.tailguard.domain.OptionChain;
import io.tailguard.domain.OptionQuote;
import io.tailguard.domain.OptionRight;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chain pull, pipelined. The whole expiry is qualified with ONE REQ_CONTRACT_DATA (no strike, no
 * right) instead of one per strike, asked together with the underlying's quote; then a snapshot request
 * is queued for each option in the window as fast as market-data lines allow. The pacer spreads the requests at the configured
 * rate, so the pull takes about (messages / rate) plus one round trip. Whatever has not quoted by the
 * request's deadline is listed as missing, with the reason.
 */
public final class ChainPull {
    private static final Logger log = LoggerFactory.getLogger(ChainPull.class);

    private final TwsClient client;
    private final Clock clock;

    public ChainPull(TwsClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    private record Pending(Contract option, CompletableFuture<MarketSnapshot> quote) {
    }

    public OptionChain pull(ChainRequest request, ContractDetails underlying) {
        Ticker ticker = client.ticker();
        long start = ticker.nanos();
        long deadline = start + request.timeout().toNanos();
        Contract und = underlying.contract();
        OptionRight onlyRight = request.rights().size() == 1 ? request.rights().iterator().next() : null;
        String what = request.tradingClass() + " options expiring " + request.expiry();

        CompletableFuture<MarketSnapshot> undFuture = client.snapshot(ContractSpec.of(und), und.describe(),
                remaining(ticker, deadline));
        CompletableFuture<List<ContractDetails>> listedFuture = client.contractDetails(ContractSpec.optionClass(
                und.symbol(), request.tradingClass(), request.expiry(), onlyRight, "SMART", und.currency()), what,
                remaining(ticker, deadline));
        MarketSnapshot undQuote = BlockingResult.result(undFuture, request.timeout(), "quote of " + und.describe());
        double price = undQuote.referencePrice();
        if (Double.isNaN(price)) {
            listedFuture.cancel(false);
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 0, "no price for " + und.describe()
                    + " to centre the strike window on");
        }
        double low = price * (1 - request.widthFraction());
        double high = price * (1 + request.widthFraction());

        // The snapshots wait for the END of the list on purpose: a gateway busy writing a long list reads
        // our next requests late and all at once, and one that counts them on reading (the SimGateway
        // does) then sees a burst above 50/s and disconnects with error 100.
        List<ContractDetails> listed = BlockingResult.result(listedFuture, request.timeout(),
                "contract details of " + what);
        if (listed.isEmpty()) {
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 200, "no " + what + " listed");
        }
        long firstQueued = ticker.nanos();
        List<Pending> pending = new ArrayList<>();
        Set<Contract> seen = new HashSet<>();
        for (ContractDetails details : listed) {
            Contract c = details.contract();
            boolean wanted = c.isOption() && request.expiry().equals(c.expiry()) && request.rights().contains(c.right())
                    && (request.tradingClass().isEmpty() || request.tradingClass().equals(c.tradingClass()))
                    && c.strike().doubleValue() >= low && c.strike().doubleValue() <= high;
            if (wanted && seen.add(c)) {
                pending.add(new Pending(c, client.snapshot(ContractSpec.of(c.withExchange("SMART")), c.describe(),
                        remaining(ticker, deadline))));
            }
        }
        long queuedAt = ticker.nanos();

        List<OptionQuote> priced = new ArrayList<>();
        List<MissingOption> missing = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        if (undQuote.quote().delayed() || client.config().marketDataType() >= 3) {
            warnings.add("delayed market data (type " + client.config().marketDataType()
                    + "): quotes are 15-20 minutes old");
        }
        undQuote.notices().forEach(n -> warnings.add(und.describe() + ": " + n));
        BrokerException permission = null;
        for (Pending p : pending) {
            try {
                MarketSnapshot s = BlockingResult.result(p.quote(), remaining(ticker, deadline), "quote of " + p.option().describe());
                priced.add(new OptionQuote(p.option(), s.quote()));
                if (s.quote().delayed()) {
                    warnings.add("delayed market data: option quotes are not live");
                }
            } catch (BrokerException e) {
                if (e.kind() == BrokerErrorKind.PERMISSION) {
                    permission = e;
                }
                String reason = e.kind() == BrokerErrorKind.TIMEOUT && e.getMessage().startsWith("no answer")
                        ? "no quote within " + request.timeout() : e.getMessage();
                missing.add(new MissingOption(p.option().strike(), p.option().right(), reason));
            }
        }
        log.info("chain {}: {} listed by {} ms, {} snapshots queued by {} ms, done at {} ms", what, listed.size(),
                (firstQueued - start) / 1_000_000, pending.size(), (queuedAt - start) / 1_000_000,
                (ticker.nanos() - start) / 1_000_000);
        if (permission != null && priced.isEmpty()) {
            throw new BrokerException(BrokerErrorKind.PERMISSION, permission.code(),
                    "no market data permission for " + what + ": " + permission.getMessage());
        }
        Comparator<OptionQuote> byStrike = Comparator.comparing((OptionQuote q) -> q.contract().strike())
                .thenComparing(q -> q.contract().right());
        priced.sort(byStrike);
        missing.sort(Comparator.comparing(MissingOption::strike).thenComparing(MissingOption::right));
        return new OptionChain(und.symbol(), request.expiry(), price, priced, missing, List.copyOf(warnings),
                clock.instant());
    }

    private static Duration remaining(Ticker ticker, long deadline) {
        long left = deadline - ticker.nanos();
        return Duration.ofNanos(Math.max(left, 1_000_000));
    }
}
