package io.tailguard.broker.sim;

import io.tailguard.broker.sim.market.ModelMarket;
import io.tailguard.domain.BrokerOrderStatus;
import io.tailguard.domain.Contract;
import io.tailguard.domain.ContractDetails;
import io.tailguard.domain.MarketRule;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The simulated gateway's orders and executions, account-wide: limit orders fill when marketable against
 * the gateway's own quotes (at the natural price: the ask for a buy, the bid for a sell; a combo at the
 * net of its legs), rest otherwise and are checked again on every tick. A fill takes at most
 * {@link #MAX_OPTION_FILL} contracts / {@link #MAX_STOCK_FILL} shares, so large orders fill partially
 * over several ticks. Orders fill only while their market trades ({@link ModelMarket#isTrading}).
 *
 * <p>Commissions follow IB's published fixed US schedule, simplified: options $0.65 per contract, at
 * least $1.00 per order leg fill; stocks $0.005 per share, at least $1.00 and at most 1% of the trade
 * value. The book survives gateway restarts, as orders at IB survive a TWS restart.
 */
final class SimOrderBook {
    static final BigDecimal MAX_OPTION_FILL = BigDecimal.valueOf(10);
    static final BigDecimal MAX_STOCK_FILL = BigDecimal.valueOf(500);
    private static final BigDecimal OPTION_RATE = new BigDecimal("0.65");
    private static final BigDecimal STOCK_RATE = new BigDecimal("0.005");
    private static final BigDecimal MIN_COMMISSION = new BigDecimal("1.00");
    private static final DateTimeFormatter COMPLETED = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    private final SimGateway gateway;
    private final Map<Long, SimOrder> orders = new LinkedHashMap<>();
    private final List<SimExecution> executions = new ArrayList<>();
    private long nextPermId = 1_900_000_000L;
    private int execSequence;

    SimOrderBook(SimGateway gateway) {
        this.gateway = gateway;
    }

    /** A PLACE_ORDER as read from the wire: a new order, or a modify of a working one (same id). */
    record Placement(long orderId, RequestedContract contract, List<long[]> legs, List<String> legActions,
            String action, BigDecimal quantity, String orderType, BigDecimal limitPrice, String tif, String account,
            String orderRef) {
    }

    synchronized void place(SimSession s, Placement p) {
        SimOrder existing = orders.get(p.orderId());
        if (existing != null) {
            modify(s, existing, p);
            return;
        }
        if (!"LMT".equals(p.orderType()) || p.limitPrice() == null) {
            s.send(GatewayMessages.error((int) p.orderId(), 387, "Unsupported order type for this simulated gateway: "
                    + p.orderType()));
            return;
        }
        Optional<Resolved> resolved = resolve(p);
        if (resolved.isEmpty()) {
            s.send(GatewayMessages.error((int) p.orderId(), TwsCode.NO_SECURITY_DEFINITION));
            return;
        }
        Resolved r = resolved.get();
        OrderSide side = "BUY".equals(p.action()) ? OrderSide.BUY : OrderSide.SELL;
        SimOrder o = new SimOrder(p.orderId(), nextPermId++, s.clientId(), r.contract(), r.legs(), side,
                p.quantity() == null ? BigDecimal.ZERO : p.quantity(), p.limitPrice(), p.tif(),
                p.account().isEmpty() ? gateway.config().accountId() : p.account(), p.orderRef());
        gateway.orderIdUsed(p.orderId());
        if (o.quantity.signum() <= 0 || !gateway.config().managedAccounts().contains(o.account)) {
            o.status = BrokerOrderStatus.INACTIVE;
            o.completedTime = completedTime();
            orders.put(o.orderId, o);
            s.send(GatewayMessages.error((int) o.orderId, 201, "Order rejected - reason:" + (o.quantity.signum() <= 0
                    ? "The order quantity must be positive." : "Account " + o.account + " is not managed.")));
            s.send(OrderMessages.orderStatus(o));
            return;
        }
        if (!onTick(r.details(), p.limitPrice())) {
            s.send(GatewayMessages.error((int) p.orderId(), 110,
                    "The price does not conform to the minimum price variation for this contract."));
            return;
        }
        if (isDay(o.tif) && gateway.market() instanceof ModelMarket model) {
            long conId = o.isCombo() ? o.legs.get(0).contract().conId() : o.contract.conId();
            o.dayEnd = model.dayOrderEnd(conId, model.now()).orElse(null);
        }
        orders.put(o.orderId, o);
        report(o);
        gateway.orderFlow().accepted(SimGateway.view(o));
        match(o);
    }

    synchronized void cancel(SimSession s, long orderId) {
        SimOrder o = orders.get(orderId);
        if (o == null) {
            s.send(GatewayMessages.error((int) orderId, 10147, "OrderId " + orderId
                    + " that needs to be cancelled is not found."));
            return;
        }
        if (o.isFinal()) {
            s.send(GatewayMessages.error((int) orderId, 10148, "OrderId " + orderId
                    + " that needs to be cancelled cannot be cancelled, state: " + o.statusText() + "."));
            return;
        }
        o.status = BrokerOrderStatus.CANCELLED;
        o.completedTime = completedTime();
        sendTo(o, OrderMessages.orderStatus(o));
        sendTo(o, GatewayMessages.error((int) orderId, 202, "Order Canceled - reason:"));
    }

    /**
     * Called on every tick: DAY orders whose session has closed are cancelled (as IB does at the close),
     * and resting orders that became marketable fill now.
     */
    synchronized void onTick() {
        Instant now = gateway.market().now();
        for (SimOrder o : List.copyOf(orders.values())) {
            if (o.isFinal()) {
                continue;
            }
            if (o.dayEnd != null && !now.isBefore(o.dayEnd)) {
                o.status = BrokerOrderStatus.CANCELLED;
                o.completedTime = completedTime();
                report(o);
            } else {
                match(o);
            }
        }
    }

    /** IB's default time in force is DAY: an empty TIF is a DAY order too. */
    private static boolean isDay(String tif) {
        return tif == null || tif.isEmpty() || "DAY".equals(tif);
    }

    synchronized List<SimOrder> orders(Predicate<SimOrder> filter) {
        return orders.values().stream().filter(filter).toList();
    }

    synchronized List<SimExecution> executions(Predicate<SimExecution> filter) {
        return executions.stream().filter(filter).toList();
    }

    private void modify(SimSession s, SimOrder o, Placement p) {
        if (o.clientId != s.clientId()) {
            s.send(GatewayMessages.error((int) p.orderId(), 103, "Duplicate order id"));
            return;
        }
        if (o.isFinal()) {
            s.send(GatewayMessages.error((int) p.orderId(), 104, "Can't modify a filled order."));
            return;
        }
        Optional<Resolved> r = resolve(p);
        if (r.isPresent() && !onTick(r.get().details(), p.limitPrice())) {
            s.send(GatewayMessages.error((int) p.orderId(), 110,
                    "The price does not conform to the minimum price variation for this contract."));
            return;
        }
        o.limitPrice = p.limitPrice();
        report(o);
        match(o);
    }

    private record Resolved(Contract contract, List<SimOrder.Leg> legs, ContractDetails details) {
    }

    private Optional<Resolved> resolve(Placement p) {
        SimMarket market = gateway.market();
        if ("BAG".equals(p.contract().secType())) {
            List<SimOrder.Leg> legs = new ArrayList<>();
            for (int i = 0; i < p.legs().size(); i++) {
                long[] leg = p.legs().get(i);
                Optional<ContractDetails> d = market.contract(leg[0]);
                if (d.isEmpty()) {
                    return Optional.empty();
                }
                legs.add(new SimOrder.Leg(d.get().contract(), (int) leg[1],
                        "BUY".equals(p.legActions().get(i)) ? OrderSide.BUY : OrderSide.SELL));
            }
            if (legs.isEmpty()) {
                return Optional.empty();
            }
            Contract bag = new Contract(0, p.contract().symbol(), io.tailguard.domain.SecurityType.COMBO, null, null,
                    null, 0, "SMART", "", "USD", "", "");
            return Optional.of(new Resolved(bag, legs, null));
        }
        List<ContractDetails> found = p.contract().resolve(market);
        return found.size() == 1 ? Optional.of(new Resolved(found.get(0).contract(), List.of(), found.get(0)))
                : Optional.empty();
    }

    /** The limit on the contract's price grid (its first market rule); a combo trades on a penny grid. */
    private boolean onTick(ContractDetails d, BigDecimal limit) {
        double increment = 0.01;
        if (d != null && !d.marketRuleIds().isEmpty()) {
            Optional<MarketRule> rule = gateway.market().marketRule(d.marketRuleIds().get(0));
            if (rule.isPresent()) {
                increment = rule.get().incrementAt(limit.abs().doubleValue());
            }
        }
        BigDecimal inc = BigDecimal.valueOf(increment);
        return limit.remainder(inc).signum() == 0;
    }

    private void match(SimOrder o) {
        if (!trading(o)) {
            return;
        }
        Optional<BigDecimal> natural = natural(o);
        if (natural.isEmpty()) {
            return;
        }
        BigDecimal price = natural.get();
        boolean marketable = o.side == OrderSide.BUY ? o.limitPrice.compareTo(price) >= 0
                : o.limitPrice.compareTo(price) <= 0;
        if (!marketable) {
            return;
        }
        BigDecimal cap = o.contract.securityType() == io.tailguard.domain.SecurityType.STOCK ? MAX_STOCK_FILL
                : MAX_OPTION_FILL;
        BigDecimal qty = o.remaining().min(cap);
        List<SimExecution> fills = new ArrayList<>();
        BigDecimal cumBefore = o.filled;
        o.recordFill(qty, price);
        if (o.isFinal()) {
            o.completedTime = completedTime();
        }
        if (o.isCombo()) {
            for (SimOrder.Leg leg : o.legs) {
                OrderSide legSide = o.side == OrderSide.BUY ? leg.side() : leg.side().opposite();
                BigDecimal legPrice = legPrice(leg.contract(), legSide).orElse(BigDecimal.ZERO);
                fills.add(book(o, leg.contract(), legSide, qty.multiply(BigDecimal.valueOf(leg.ratio())), legPrice,
                        cumBefore.add(qty), legPrice));
            }
        } else {
            fills.add(book(o, o.contract, o.side, qty, price, o.filled, o.avgFillPrice));
        }
        // TWS order: execution, then status and open order, and the commission report afterwards
        for (SimExecution e : fills) {
            sendTo(o, OrderMessages.executionData(-1, e));
            gateway.orderFlow().executed(SimGateway.view(e));
        }
        report(o);
        for (SimExecution e : fills) {
            sendTo(o, OrderMessages.commissionReport(e));
        }
    }

    private SimExecution book(SimOrder o, Contract c, OrderSide side, BigDecimal qty, BigDecimal price,
            BigDecimal cumQty, BigDecimal avgPrice) {
        BigDecimal commission = commission(c, qty, price);
        String execId = String.format("%08x.%08x.01.01", o.permId & 0xffffffffL, ++execSequence);
        SimExecution e = new SimExecution(execId, o.orderId, o.permId, o.clientId, o.orderRef, c, side, qty, price,
                gateway.market().now(), cumQty, avgPrice, o.account, commission);
        executions.add(e);
        gateway.account().applyFill(c, side == OrderSide.BUY ? qty : qty.negate(), price.doubleValue(), commission);
        return e;
    }

    static BigDecimal commission(Contract c, BigDecimal qty, BigDecimal price) {
        if (c.isOption()) {
            return OPTION_RATE.multiply(qty).max(MIN_COMMISSION).setScale(2, RoundingMode.HALF_UP);
        }
        BigDecimal perShare = STOCK_RATE.multiply(qty).max(MIN_COMMISSION);
        BigDecimal cap = price.multiply(qty).multiply(new BigDecimal("0.01"));
        return (cap.compareTo(MIN_COMMISSION) >= 0 ? perShare.min(cap) : perShare).setScale(2, RoundingMode.HALF_UP);
    }

    private boolean trading(SimOrder o) {
        if (!(gateway.market() instanceof ModelMarket model)) {
            return true;
        }
        if (o.isCombo()) {
            return o.legs.stream().allMatch(l -> model.isTrading(l.contract().conId()));
        }
        return model.isTrading(o.contract.conId());
    }

    /** The price a marketable order gets now: the far side of the quote, or the net of a combo's legs. */
    private Optional<BigDecimal> natural(SimOrder o) {
        if (!o.isCombo()) {
            return legPrice(o.contract, o.side);
        }
        BigDecimal net = BigDecimal.ZERO;
        for (SimOrder.Leg leg : o.legs) {
            OrderSide legSide = o.side == OrderSide.BUY ? leg.side() : leg.side().opposite();
            Optional<BigDecimal> p = legPrice(leg.contract(), legSide);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal signed = p.get().multiply(BigDecimal.valueOf(leg.ratio()));
            // a BUY combo pays for its BUY legs and collects for its SELL legs (and the reverse)
            net = leg.side() == OrderSide.BUY ? net.add(signed) : net.subtract(signed);
        }
        return Optional.of(net);
    }

    private Optional<BigDecimal> legPrice(Contract c, OrderSide side) {
        Quote q = gateway.quote(c.conId());
        if (q == null || !q.hasBidAndAsk() || q.isCrossed()) {
            return Optional.empty();
        }
        double p = side == OrderSide.BUY ? q.ask() : q.bid();
        return p > 0 ? Optional.of(BigDecimal.valueOf(p).stripTrailingZeros()) : Optional.empty();
    }

    /** OPEN_ORDER then ORDER_STATUS, as TWS reports every change of an order. */
    private void report(SimOrder o) {
        sendTo(o, OrderMessages.openOrder(o, true));
        sendTo(o, OrderMessages.orderStatus(o));
    }

    private void sendTo(SimOrder o, byte[] payload) {
        SimSession s = gateway.session(o.clientId);
        if (s != null) {
            s.send(payload);
        }
    }

    private String completedTime() {
        Instant now = gateway.market().now();
        return COMPLETED.format(now.atZone(ZoneOffset.UTC)) + " UTC";
    }
}
