package io.tailguard.broker.ibkr.chain;

import io.tailguard.broker.BrokerErrorKind;
import io.tailguard.broker.BrokerException;
import io.tailguard.broker.ChainRequest;
import io.tailguard.broker.ibkr.client.BlockingResult;
import io.tailguard.broker.ibkr.client.MarketSnapshot;
import io.tailguard.broker.ibkr.client.TwsClient;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One chain pull, pipelined: the whole expiry is qualified with ONE REQ_CONTRACT_DATA (no strike, no
 * right) instead of one per strike, then a snapshot request per option in the window is queued as
 * fast as market-data lines allow; the pacer spreads them at the configured rate and answers are
 * collected as they come. So the pull takes about (messages / rate) plus one round trip. Whatever
 * has not quoted by the request's deadline is listed as missing, with the reason.
 */
public final class ChainPull {
    private final TwsClient client;
    private final Clock clock;

    public ChainPull(TwsClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public OptionChain pull(ChainRequest request, ContractDetails underlying) {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        Contract und = underlying.contract();
        OptionRight onlyRight = request.rights().size() == 1 ? request.rights().iterator().next() : null;
        String what = request.tradingClass() + " options expiring " + request.expiry();
        // both questions go out at once: neither answer is needed to ask the other
        CompletableFuture<MarketSnapshot> undFuture = client.snapshot(ContractSpec.of(und), und.describe(),
                remaining(deadline));
        CompletableFuture<List<ContractDetails>> listedFuture = client.contractDetails(ContractSpec.optionClass(
                und.symbol(), request.tradingClass(), request.expiry(), onlyRight, "SMART", und.currency()), what,
                remaining(deadline));
        MarketSnapshot undQuote = BlockingResult.result(undFuture, request.timeout(), "quote of " + und.describe());
        double price = undQuote.referencePrice();
        if (Double.isNaN(price)) {
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 0, "no price for " + und.describe()
                    + " to centre the strike window on");
        }
        List<ContractDetails> listed = BlockingResult.result(listedFuture, request.timeout(),
                "contract details of " + what);
        double low = price * (1 - request.widthFraction());
        double high = price * (1 + request.widthFraction());
        List<Contract> options = listed.stream().map(ContractDetails::contract)
                .filter(c -> c.isOption() && request.expiry().equals(c.expiry()) && request.rights().contains(c.right()))
                .filter(c -> request.tradingClass().isEmpty() || request.tradingClass().equals(c.tradingClass()))
                .filter(c -> c.strike().doubleValue() >= low && c.strike().doubleValue() <= high)
                .sorted(Comparator.comparing(Contract::strike).thenComparing(Contract::right))
                .distinct()
                .toList();
        if (options.isEmpty() && listed.isEmpty()) {
            throw new BrokerException(BrokerErrorKind.NOT_FOUND, 200, "no " + what + " listed");
        }

        List<CompletableFuture<MarketSnapshot>> quotes = new ArrayList<>(options.size());
        for (Contract option : options) {
            quotes.add(client.snapshot(ContractSpec.of(option.withExchange("SMART")), option.describe(),
                    remaining(deadline)));
        }

        List<OptionQuote> priced = new ArrayList<>();
        List<MissingOption> missing = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        if (undQuote.quote().delayed() || client.config().marketDataType() >= 3) {
            warnings.add("delayed market data (type " + client.config().marketDataType()
                    + "): quotes are 15-20 minutes old");
        }
        undQuote.notices().forEach(n -> warnings.add(und.describe() + ": " + n));
        BrokerException permission = null;
        for (int i = 0; i < options.size(); i++) {
            Contract option = options.get(i);
            try {
                MarketSnapshot s = BlockingResult.result(quotes.get(i), remaining(deadline), "quote of " + option.describe());
                priced.add(new OptionQuote(option, s.quote()));
                if (s.quote().delayed()) {
                    warnings.add("delayed market data: option quotes are not live");
                }
            } catch (BrokerException e) {
                if (e.kind() == BrokerErrorKind.PERMISSION) {
                    permission = e;
                }
                String reason = e.kind() == BrokerErrorKind.TIMEOUT && e.code() == 0 && e.getMessage().startsWith("no answer")
                        ? "no quote within " + request.timeout() : e.getMessage();
                missing.add(new MissingOption(option.strike(), option.right(), reason));
            }
        }
        if (permission != null && priced.isEmpty()) {
            throw new BrokerException(BrokerErrorKind.PERMISSION, permission.code(),
                    "no market data permission for " + what + ": " + permission.getMessage());
        }
        return new OptionChain(und.symbol(), request.expiry(), price, priced, missing, List.copyOf(warnings),
                clock.instant());
    }


    private static Duration remaining(long deadline) {
        long left = deadline - System.nanoTime();
        return Duration.ofNanos(Math.max(left, 1_000_000));
    }
}
