package io.tailguard.orders.store;

import io.tailguard.store.Jdbc;
import io.tailguard.domain.CommissionReport;
import io.tailguard.domain.ExecutionReport;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.SecurityType;
import io.tailguard.orders.Actor;
import io.tailguard.proposal.LegIntent;
import io.tailguard.orders.OrderEnd;
import io.tailguard.orders.OrderEventType;
import io.tailguard.orders.OrderState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Broker orders, their events, executions (once per execId base), commissions and the order id
 * counter. Every method is one transaction.
 */
public final class OrderStore {
    /** What storing an execution report did. */
    public enum ExecutionOutcome { NEW, DUPLICATE, CORRECTION }

    private final Jdbc jdbc;
    private final Clock clock;

    public OrderStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /**
     * The next order id: max(stored counter + 1, nextValidId), persisted before it is used, so an id is
     * never handed out twice even when a gateway restart rolled nextValidId back.
     */
    public long allocateOrderId(long nextValidId) {
        return jdbc.inTransaction(c -> {
            Jdbc.update(c, "UPDATE order_id_counter SET last_used = GREATEST(last_used + 1, ?) WHERE id = 1",
                    nextValidId);
            return Jdbc.query(c, "SELECT last_used FROM order_id_counter WHERE id = 1", rs -> rs.getLong(1)).get(0);
        }, "allocate an order id");
    }

    public long lastOrderId() {
        return jdbc.query("SELECT last_used FROM order_id_counter WHERE id = 1", rs -> rs.getLong(1)).get(0);
    }

    /** Records the order as PENDING_SUBMIT: written before it is transmitted. */
    public void insertPending(long orderId, String legId, String proposalId, String account, BigDecimal quantity,
            BigDecimal limit, Actor who) {
        insert(orderId, legId, proposalId, 0, account, OrderState.PENDING_SUBMIT, quantity, limit, false, who,
                "recorded before transmission");
    }

    /** An order the broker knows under our leg id but we have no row for: adopted by reconciliation. */
    public void insertAdopted(long orderId, String legId, String proposalId, long permId, String account,
            OrderState state, BigDecimal quantity, BigDecimal limit, Actor who) {
        insert(orderId, legId, proposalId, permId, account, state, quantity, limit, true, who,
                "adopted from the broker by reconciliation");
    }

    private void insert(long orderId, String legId, String proposalId, long permId, String account, OrderState state,
            BigDecimal quantity, BigDecimal limit, boolean inferred, Actor who, String detail) {
        jdbc.inTransaction(c -> {
            Instant now = clock.instant();
            // an adopted order is at the broker already: its working window starts now
            Jdbc.update(c, "INSERT INTO broker_order (order_id, leg_id, proposal_id, perm_id, account, state, quantity, "
                    + "limit_price, inferred, created_at, transmitted_at, priced_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", orderId, legId, proposalId, permId, account, state,
                    quantity, limit, inferred, now, inferred ? now : null, now, now);
            event(c, orderId, who, inferred ? OrderEventType.ADOPTED : OrderEventType.CREATED, null, state, detail);
            return null;
        }, "insert order " + orderId);
    }

    public Optional<BrokerOrder> byLeg(String legId) {
        return jdbc.query("SELECT * FROM broker_order WHERE leg_id = ?", OrderStore::row, legId).stream().findFirst();
    }

    public Optional<BrokerOrder> byOrderId(long orderId) {
        return jdbc.query("SELECT * FROM broker_order WHERE order_id = ?", OrderStore::row, orderId).stream()
                .findFirst();
    }

    public List<BrokerOrder> byProposal(String proposalId) {
        return jdbc.query("SELECT * FROM broker_order WHERE proposal_id = ? ORDER BY order_id", OrderStore::row,
                proposalId);
    }

    public List<BrokerOrder> notFinal() {
        return jdbc.query("SELECT * FROM broker_order WHERE state IN (?, ?, ?) ORDER BY order_id", OrderStore::row,
                OrderState.PENDING_SUBMIT, OrderState.SUBMITTED, OrderState.PARTIALLY_FILLED);
    }

    public List<BrokerOrder> all() {
        return jdbc.query("SELECT * FROM broker_order ORDER BY order_id", OrderStore::row);
    }

    /**
     * Compare-and-set of the state along a legal transition, with an event. False if stale (the order has
     * moved on); a move the table of {@link OrderState} does not allow is a bug of the caller and throws.
     */
    public boolean transition(long orderId, OrderState from, OrderState to, Actor who, String detail) {
        requireLegal(orderId, from, to);
        return jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE broker_order SET state = ?, updated_at = ?, last_message = ? "
                    + "WHERE order_id = ? AND state = ?", to, clock.instant(), truncate(detail, 1000), orderId, from);
            if (n == 1) {
                event(c, orderId, who, OrderEventType.of(to), from, to, detail);
            }
            return n == 1;
        }, "move order " + orderId + " to " + to);
    }

    /**
     * A transition into a final state with why the order ended, in one transaction. False (and nothing
     * changed) if the order is no longer in {@code from}; an illegal move, or one into a state that is not
     * final, throws.
     */
    public boolean end(long orderId, OrderState from, OrderState to, Actor who, String detail, OrderEnd why,
            String whyDetail) {
        requireLegal(orderId, from, to);
        if (!to.isFinal()) {
            throw new IllegalArgumentException("order " + orderId + ": " + to + " is not final, it cannot end the order");
        }
        return jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE broker_order SET state = ?, updated_at = ?, last_message = ?, end_reason = ?, "
                    + "end_detail = ? WHERE order_id = ? AND state = ?", to, clock.instant(), truncate(detail, 1000), why,
                    truncate(whyDetail, 1000), orderId, from);
            if (n == 1) {
                event(c, orderId, who, OrderEventType.of(to), from, to, detail + " (" + why.describe(whyDetail) + ")");
            }
            return n == 1;
        }, "end order " + orderId + " as " + to);
    }

    /**
     * Records why tailguard cancels the order, before the cancel is sent: the first reason is kept (a cancel
     * asked for at the end of the working window stays that, even if the trader also cancels). Returns false
     * when a cancel was already recorded.
     */
    public boolean recordCancel(long orderId, OrderEnd why, String detail, Actor who) {
        return jdbc.inTransaction(c -> {
            Instant now = clock.instant();
            int n = Jdbc.update(c, "UPDATE broker_order SET cancel_reason = ?, cancel_detail = ?, cancel_sent_at = ?, "
                    + "updated_at = ? WHERE order_id = ? AND cancel_reason IS NULL", why, truncate(detail, 1000), now,
                    now, orderId);
            if (n == 1) {
                event(c, orderId, who, OrderEventType.CANCEL_REQUESTED, null, null, why.describe(detail));
            }
            return n == 1;
        }, "record the cancel of order " + orderId);
    }

    /** The cancel is sent again (the order was still working long after the first one). */
    public void recordCancelResent(long orderId, Actor who, String detail) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "UPDATE broker_order SET cancel_sent_at = ?, updated_at = ? WHERE order_id = ?",
                    clock.instant(), clock.instant(), orderId);
            event(c, orderId, who, OrderEventType.CANCEL_RESENT, null, null, detail);
            return null;
        }, "record the cancel of order " + orderId + " as sent again");
    }

    private static void requireLegal(long orderId, OrderState from, OrderState to) {
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("order " + orderId + ": " + from + " -> " + to
                    + " is not a legal transition");
        }
    }

    public void markTransmitted(long orderId) {
        jdbc.update("UPDATE broker_order SET transmitted_at = ?, updated_at = ? WHERE order_id = ?",
                clock.instant(), clock.instant(), orderId);
    }

    public void updatePermId(long orderId, long permId) {
        if (permId > 0) {
            jdbc.update("UPDATE broker_order SET perm_id = ? WHERE order_id = ? AND perm_id <> ?", permId, orderId,
                    permId);
        }
    }

    /** The order was lost before it reached the broker and gets a fresh id (the old one is below nextValidId). */
    public void changeOrderId(long oldId, long newId, BigDecimal newLimit, Actor who) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "UPDATE broker_order SET order_id = ?, limit_price = ?, priced_at = ?, updated_at = ? "
                    + "WHERE order_id = ? AND state = ?", newId, newLimit, clock.instant(), clock.instant(), oldId,
                    OrderState.PENDING_SUBMIT);
            event(c, newId, who, OrderEventType.RENUMBERED, OrderState.PENDING_SUBMIT, OrderState.PENDING_SUBMIT,
                    "order id " + oldId + " never reached the broker; now " + newId + " at " + newLimit.toPlainString());
            return null;
        }, "renumber order " + oldId);
    }

    public void reprice(long orderId, BigDecimal newLimit, Actor who, String detail) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "UPDATE broker_order SET limit_price = ?, reprice_count = reprice_count + 1, priced_at = ?, "
                    + "updated_at = ? WHERE order_id = ?", newLimit, clock.instant(), clock.instant(), orderId);
            event(c, orderId, who, OrderEventType.REPRICED, null, null, detail);
            return null;
        }, "re-price order " + orderId);
    }

    /** An event that is not a transition (a broker error, a failed send, a correction). */
    public void note(long orderId, Actor who, OrderEventType type, String detail) {
        if (type.isTransition()) {
            throw new IllegalArgumentException(type + " is a transition: it is recorded with the state it reaches");
        }
        jdbc.inTransaction(c -> {
            event(c, orderId, who, type, null, null, detail);
            Jdbc.update(c, "UPDATE broker_order SET last_message = ? WHERE order_id = ?", truncate(detail, 1000),
                    orderId);
            return null;
        }, "note on order " + orderId);
    }

    public List<OrderEventType> eventTypes(long orderId) {
        return jdbc.query("SELECT event_type FROM broker_order_event WHERE order_id = ? ORDER BY id",
                rs -> OrderEventType.valueOf(rs.getString(1)), orderId);
    }

    /**
     * Stores an execution once per execId base. The same execId again is a duplicate (no-op); another
     * suffix is a correction that replaces the original's figures. The order's filled quantity and
     * average price are recomputed from all its stored executions in the same transaction.
     */
    public ExecutionOutcome recordExecution(ExecutionReport e, long orderId, boolean inferred) {
        return jdbc.inTransaction(c -> {
            List<String> existing = Jdbc.query(c, "SELECT exec_id FROM execution WHERE exec_id_base = ?",
                    rs -> rs.getString(1), e.execIdBase());
            ExecutionOutcome outcome;
            if (existing.isEmpty()) {
                Jdbc.update(c, "INSERT INTO execution (exec_id_base, exec_id, order_id, perm_id, order_ref, account, "
                        + "contract, side, shares, price, executed_at, cum_qty, avg_price, inferred, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.execIdBase(), e.execId(), orderId,
                        e.permId(), e.orderRef(), e.account(), e.contract().describe(), e.side(), e.shares(), e.price(),
                        e.time(), e.cumQty(), e.avgPrice(), inferred, clock.instant());
                outcome = ExecutionOutcome.NEW;
            } else if (existing.get(0).equals(e.execId()) || isOlderCorrection(e.execId(), existing.get(0))) {
                return ExecutionOutcome.DUPLICATE;
            } else {
                Jdbc.update(c, "UPDATE execution SET exec_id = ?, shares = ?, price = ?, executed_at = ?, cum_qty = ?, "
                        + "avg_price = ?, corrections = corrections + 1, recorded_at = ? WHERE exec_id_base = ?",
                        e.execId(), e.shares(), e.price(), e.time(), e.cumQty(), e.avgPrice(), clock.instant(),
                        e.execIdBase());
                outcome = ExecutionOutcome.CORRECTION;
            }
            recomputeFill(c, orderId);
            return outcome;
        }, "record execution " + e.execId());
    }

    /** Stores (or replaces, for a corrected execution) the commission of a fill. */
    public void recordCommission(CommissionReport r) {
        jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE commission SET exec_id = ?, commission = ?, currency = ?, received_at = ? "
                    + "WHERE exec_id_base = ?", r.execId(), r.commission(), r.currency(), clock.instant(),
                    r.execIdBase());
            if (n == 0) {
                Jdbc.update(c, "INSERT INTO commission (exec_id_base, exec_id, commission, currency, received_at) "
                        + "VALUES (?, ?, ?, ?, ?)", r.execIdBase(), r.execId(), r.commission(), r.currency(),
                        clock.instant());
            }
            return null;
        }, "record commission " + r.execId());
    }

    public List<StoredExecution> executions(long orderId) {
        return jdbc.query("SELECT e.*, m.commission FROM execution e LEFT JOIN commission m "
                + "ON m.exec_id_base = e.exec_id_base WHERE e.order_id = ? ORDER BY e.executed_at, e.exec_id_base",
                OrderStore::executionRow, orderId);
    }

    public List<StoredExecution> allExecutions() {
        return jdbc.query("SELECT e.*, m.commission FROM execution e LEFT JOIN commission m "
                + "ON m.exec_id_base = e.exec_id_base ORDER BY e.executed_at, e.exec_id_base", OrderStore::executionRow);
    }

    /**
     * Premium of buy option orders created since {@code since}, other than {@code excludeProposalId}'s:
     * filled at their average price plus what is still working at its limit.
     */
    public BigDecimal premiumCommittedSince(Instant since, String excludeProposalId) {
        List<BigDecimal> rows = jdbc.query("SELECT o.state, o.quantity, o.limit_price, o.filled_qty, o.avg_price, "
                + "l.multiplier FROM broker_order o JOIN proposal_leg l ON l.leg_id = o.leg_id "
                + "WHERE o.created_at >= ? AND o.proposal_id <> ? AND l.side = ? AND l.sec_type = ?",
                rs -> {
                    OrderState state = OrderState.valueOf(rs.getString(1));
                    BigDecimal qty = rs.getBigDecimal(2);
                    BigDecimal limit = rs.getBigDecimal(3);
                    BigDecimal filled = rs.getBigDecimal(4);
                    BigDecimal avg = rs.getBigDecimal(5);
                    BigDecimal mult = BigDecimal.valueOf(Math.max(1, rs.getInt(6)));
                    BigDecimal paid = avg == null ? BigDecimal.ZERO : filled.multiply(avg);
                    BigDecimal pending = state.isFinal() ? BigDecimal.ZERO : qty.subtract(filled).multiply(limit);
                    return paid.add(pending).multiply(mult);
                }, since, excludeProposalId, OrderSide.BUY, SecurityType.OPTION);
        return rows.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Per underlying, the shares that short calls of other proposals still working at the broker would
     * need if they filled: (quantity - filled) x multiplier of every SELL CALL order that is not final and
     * does not close a position. The filled part is a position already.
     */
    public Map<String, BigDecimal> sharesPledgedToWorkingShortCalls(String excludeProposalId) {
        Map<String, BigDecimal> pledged = new HashMap<>();
        jdbc.<Map.Entry<String, BigDecimal>>query("SELECT l.symbol, o.quantity, o.filled_qty, l.multiplier FROM broker_order o "
                + "JOIN proposal_leg l ON l.leg_id = o.leg_id WHERE o.state IN (?, ?, ?) AND o.proposal_id <> ? "
                + "AND l.side = ? AND l.sec_type = ? AND l.opt_right = ? AND l.intent <> ?",
                rs -> {
                    BigDecimal open = rs.getBigDecimal(2).subtract(rs.getBigDecimal(3)).max(BigDecimal.ZERO);
                    return Map.entry(rs.getString(1),
                            open.multiply(BigDecimal.valueOf(rs.getInt(4) > 0 ? rs.getInt(4) : 100)));
                }, OrderState.PENDING_SUBMIT, OrderState.SUBMITTED, OrderState.PARTIALLY_FILLED, excludeProposalId,
                OrderSide.SELL, SecurityType.OPTION, OptionRight.CALL, LegIntent.CLOSE_POSITION)
                .forEach(e -> pledged.merge(e.getKey(), e.getValue(), BigDecimal::add));
        return pledged;
    }

    private void recomputeFill(Connection c, long orderId) throws SQLException {
        List<BigDecimal[]> sums = Jdbc.query(c, "SELECT COALESCE(SUM(shares), 0), SUM(shares * price) FROM execution "
                + "WHERE order_id = ?", rs -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}, orderId);
        BigDecimal filled = sums.get(0)[0];
        BigDecimal avg = filled.signum() == 0 ? null : sums.get(0)[1].divide(filled, 6, RoundingMode.HALF_UP);
        Jdbc.update(c, "UPDATE broker_order SET filled_qty = ?, avg_price = ?, updated_at = ? WHERE order_id = ?",
                filled, avg, clock.instant(), orderId);
    }

    /** IB correction suffixes count up (.01, .02...): a lower suffix than the stored one is stale. */
    private static boolean isOlderCorrection(String incoming, String stored) {
        String a = incoming.substring(incoming.lastIndexOf('.') + 1);
        String b = stored.substring(stored.lastIndexOf('.') + 1);
        return a.length() == b.length() && a.compareTo(b) < 0;
    }

    private void event(Connection c, long orderId, Actor who, OrderEventType type, OrderState from, OrderState to,
            String detail) throws SQLException {
        Jdbc.update(c, "INSERT INTO broker_order_event (order_id, occurred_at, actor, event_type, from_state, to_state, "
                + "detail) VALUES (?, ?, ?, ?, ?, ?, ?)", orderId, clock.instant(), who.name(), type, from, to,
                truncate(detail, 4000));
    }

    private static BrokerOrder row(ResultSet rs) throws SQLException {
        BigDecimal avg = rs.getBigDecimal("avg_price");
        return new BrokerOrder(rs.getLong("order_id"), rs.getString("leg_id"), rs.getString("proposal_id"),
                rs.getLong("perm_id"), rs.getString("account"), OrderState.valueOf(rs.getString("state")),
                rs.getBigDecimal("quantity").stripTrailingZeros(), rs.getBigDecimal("limit_price").stripTrailingZeros(),
                rs.getBigDecimal("filled_qty").stripTrailingZeros(), avg == null ? null : avg.stripTrailingZeros(),
                rs.getInt("reprice_count"), rs.getBoolean("inferred"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "transmitted_at"), Jdbc.instant(rs, "priced_at"), rs.getString("last_message"),
                end(rs.getString("cancel_reason")), rs.getString("cancel_detail"), Jdbc.instant(rs, "cancel_sent_at"),
                end(rs.getString("end_reason")), rs.getString("end_detail"));
    }

    private static OrderEnd end(String name) {
        return name == null ? null : OrderEnd.valueOf(name);
    }

    private static StoredExecution executionRow(ResultSet rs) throws SQLException {
        BigDecimal commission = rs.getBigDecimal("commission");
        return new StoredExecution(rs.getString("exec_id_base"), rs.getString("exec_id"), rs.getLong("order_id"),
                rs.getString("order_ref"), rs.getString("side"), rs.getBigDecimal("shares").stripTrailingZeros(),
                rs.getBigDecimal("price").stripTrailingZeros(), Jdbc.instant(rs, "executed_at"),
                rs.getBoolean("inferred"), rs.getInt("corrections"),
                commission == null ? null : commission.stripTrailingZeros());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
