package io.tailguard.broker.sim;

import io.tailguard.domain.Contract;
import io.tailguard.domain.Position;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The paper account behind the simulated gateway: positions and cash. It is kept apart from the market
 * model; the order matching of the next issue books fills here with {@link #applyFill}. Thread-safe.
 */
public final class SimAccount {
    /** Maintenance margin on stock and ETF value that the summary assumes (Reg T house rate, simplified). */
    private static final BigDecimal MAINTENANCE_RATE = new BigDecimal("0.25");
    /** Intraday buying power of a margin account: four times the excess liquidity. */
    private static final BigDecimal BUYING_POWER_FACTOR = new BigDecimal("4");

    private final String accountId;
    private final Map<Long, Position> positions = new LinkedHashMap<>();
    private BigDecimal cash;
    private volatile Consumer<Position> onChange = p -> { };

    public SimAccount(String accountId, BigDecimal initialCash) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.cash = Objects.requireNonNull(initialCash, "initialCash");
    }

    public String accountId() {
        return accountId;
    }

    public synchronized BigDecimal cash() {
        return cash;
    }

    public synchronized List<Position> positions() {
        return new ArrayList<>(positions.values());
    }

    /**
     * Hands {@code writer} the positions while no change can happen, so that a full list written there is
     * never overtaken by an older one, nor an update by the list it belongs after.
     */
    public synchronized void withPositions(Consumer<List<Position>> writer) {
        writer.accept(new ArrayList<>(positions.values()));
    }

    /**
     * Called with every changed position (quantity 0 when closed), under the account's lock and in the
     * order of the changes: the gateway pushes it as POSITION to the subscribed connections.
     */
    void onPositionChange(Consumer<Position> listener) {
        this.onChange = Objects.requireNonNull(listener, "listener");
    }

    /** Sets a holding outright (initial state, tests). A zero quantity removes it. */
    public synchronized void setPosition(Contract contract, BigDecimal quantity, double averageCost) {
        if (contract.conId() <= 0) {
            throw new IllegalArgumentException("position needs a qualified contract: " + contract.describe());
        }
        Position p = new Position(accountId, contract, quantity, quantity.signum() == 0 ? 0 : averageCost);
        if (quantity.signum() == 0) {
            positions.remove(contract.conId());
        } else {
            positions.put(contract.conId(), p);
        }
        onChange.accept(p);
    }

    /**
     * Books a fill: quantity signed (bought positive), price per share or per option point; cash moves by
     * price x quantity x multiplier plus the commission. Average cost follows IB: per contract, including
     * the multiplier.
     */
    public synchronized void applyFill(Contract contract, BigDecimal signedQuantity, double price, BigDecimal commission) {
        int multiplier = Math.max(1, contract.multiplier());
        BigDecimal costPerUnit = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(multiplier));
        cash = cash.subtract(costPerUnit.multiply(signedQuantity)).subtract(commission);
        Position old = positions.get(contract.conId());
        BigDecimal oldQty = old == null ? BigDecimal.ZERO : old.quantity();
        BigDecimal newQty = oldQty.add(signedQuantity);
        double avg;
        if (old == null || oldQty.signum() != newQty.signum() || oldQty.signum() == 0) {
            avg = costPerUnit.doubleValue();
        } else if (newQty.abs().compareTo(oldQty.abs()) > 0) {
            BigDecimal total = BigDecimal.valueOf(old.averageCost()).multiply(oldQty).add(costPerUnit.multiply(signedQuantity));
            avg = total.divide(newQty, 8, RoundingMode.HALF_UP).doubleValue();
        } else {
            avg = old.averageCost();
        }
        setPosition(contract, newQty, avg);
    }

    /** The figures of IB's account summary, valued at the market's current marks. */
    public synchronized Summary summary(SimMarket market) {
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal stockValue = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            BigDecimal value = BigDecimal.valueOf(mark(market, p))
                    .multiply(BigDecimal.valueOf(Math.max(1, p.contract().multiplier())))
                    .multiply(p.quantity());
            gross = gross.add(value.abs());
            net = net.add(value);
            if (!p.contract().isOption()) {
                stockValue = stockValue.add(value.abs());
            }
        }
        BigDecimal netLiquidation = cash.add(net);
        BigDecimal excess = netLiquidation.subtract(stockValue.multiply(MAINTENANCE_RATE));
        BigDecimal buyingPower = excess.max(BigDecimal.ZERO).multiply(BUYING_POWER_FACTOR);
        return new Summary(scale(netLiquidation), scale(cash), scale(buyingPower), scale(excess), scale(excess),
                scale(gross));
    }

    private static double mark(SimMarket market, Position p) {
        Quote q = market.quote(p.contract().conId()).orElse(null);
        if (q == null) {
            return p.averageCost() / Math.max(1, p.contract().multiplier());
        }
        if (q.hasBidAndAsk() && !q.isCrossed()) {
            return q.mid();
        }
        return Quote.isPrice(q.last()) ? q.last() : p.averageCost() / Math.max(1, p.contract().multiplier());
    }

    private static BigDecimal scale(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    /** Account summary values in USD. */
    public record Summary(BigDecimal netLiquidation, BigDecimal totalCash, BigDecimal buyingPower,
            BigDecimal availableFunds, BigDecimal excessLiquidity, BigDecimal grossPositionValue) {
    }
}
