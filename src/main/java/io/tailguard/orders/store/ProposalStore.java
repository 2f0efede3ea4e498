package io.tailguard.orders.store;

import io.tailguard.store.Jdbc;
import io.tailguard.domain.Contract;
import io.tailguard.domain.OptionRight;
import io.tailguard.domain.OrderSide;
import io.tailguard.domain.SecurityType;
import io.tailguard.orders.Actor;
import io.tailguard.orders.CancelRequest;
import io.tailguard.orders.GateDecision;
import io.tailguard.proposal.LegIntent;
import io.tailguard.orders.OrderEnd;
import io.tailguard.proposal.PriceBounds;
import io.tailguard.proposal.Proposal;
import io.tailguard.orders.ProposalEventType;
import io.tailguard.proposal.ProposalLeg;
import io.tailguard.proposal.ProposalState;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Proposals, their legs and their event history. A state change is a compare-and-set on the stored
 * state plus an event row in the same transaction, so two processes (daemon and console) cannot both
 * move the same proposal, and every transition has its who and when.
 */
public final class ProposalStore {
    private final Jdbc jdbc;
    private final Clock clock;

    public ProposalStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    public record Event(long id, String proposalId, Instant occurredAt, String actor, String host,
            ProposalEventType type, ProposalState from, ProposalState to, String detail) {

        /** The refusals a GATE_DENIED, DRY_RUN or AUTO_APPROVAL_DENIED event stored, each with its gate. */
        public List<GateDecision.Denied> refusals() {
            return switch (type) {
                case GATE_DENIED, DRY_RUN, AUTO_APPROVAL_DENIED -> GateDecision.parse(detail);
                default -> List.of();
            };
        }
    }

    public void insert(Proposal p, Actor who) {
        jdbc.inTransaction(c -> {
            Instant now = clock.instant();
            Jdbc.update(c, "INSERT INTO proposal (id, state, strategy, rationale, metrics, created_at, created_by, "
                    + "approval_expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p.id(), p.state(),
                    p.strategy(), p.rationale(), encodeMetrics(p.metrics()), p.createdAt(), p.createdBy(),
                    p.approvalExpiresAt(), now);
            int no = 1;
            for (ProposalLeg l : p.legs()) {
                insertLeg(c, p.id(), no++, l);
            }
            event(c, p.id(), who, ProposalEventType.CREATED, null, p.state(), p.legs().size() + " legs; " + p.rationale());
            return null;
        }, "insert proposal " + p.id());
    }

    public Optional<Proposal> find(String id) {
        List<Header> found = jdbc.query("SELECT * FROM proposal WHERE id = ?", this::proposalHeader, id);
        return found.stream().findFirst().map(this::withLegs);
    }

    /**
     * The proposal a leg id belongs to, as stored: leg ids are not parsed, since their form changed over time
     * (a trader's {@code P-...-L1}, the weekly roll's buy-backs {@code H...-B1}, older UTC ids).
     */
    public Optional<String> proposalOfLeg(String legId) {
        return jdbc.query("SELECT proposal_id FROM proposal_leg WHERE leg_id = ?", rs -> rs.getString(1), legId)
                .stream().findFirst();
    }

    public List<Proposal> inStates(ProposalState... states) {
        String marks = Arrays.stream(states).map(s -> "?").collect(Collectors.joining(", "));
        return jdbc.query("SELECT * FROM proposal WHERE state IN (" + marks + ") ORDER BY created_at, id",
                this::proposalHeader, (Object[]) states).stream().map(this::withLegs).toList();
    }

    /**
     * Moves the proposal from {@code from} to {@code to} if it is still in {@code from}; records the event.
     * Returns false (and changes nothing) when it has moved on meanwhile. A move the table of
     * {@link ProposalState} does not allow is a bug of the caller: it throws, and nothing changes.
     */
    public boolean transition(String id, ProposalState from, ProposalState to, Actor who, String detail,
            Instant approvalExpiresAt) {
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("proposal " + id + ": " + from + " -> " + to
                    + " is not a legal transition");
        }
        return jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE proposal SET state = ?, approval_expires_at = ?, updated_at = ? "
                    + "WHERE id = ? AND state = ?", to, approvalExpiresAt, clock.instant(), id, from);
            if (n != 1) {
                return false;
            }
            event(c, id, who, ProposalEventType.of(to), from, to, detail);
            return true;
        }, "move proposal " + id + " to " + to);
    }

    /** Re-priced legs of an EXPIRED proposal; it goes back to PROPOSED and needs a new approval. */
    public boolean reprice(String id, List<ProposalLeg> repricedLegs, Actor who, String detail) {
        return jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE proposal SET state = ?, approval_expires_at = NULL, updated_at = ? "
                    + "WHERE id = ? AND state = ?", ProposalState.PROPOSED, clock.instant(), id, ProposalState.EXPIRED);
            if (n != 1) {
                return false;
            }
            for (ProposalLeg l : repricedLegs) {
                Jdbc.update(c, "UPDATE proposal_leg SET limit_price = ?, worst_price = ?, bound_low = ?, bound_high = ? "
                        + "WHERE leg_id = ? AND proposal_id = ?", l.limitPrice(), l.worstPrice(), l.bounds().low(),
                        l.bounds().high(), l.legId(), id);
            }
            event(c, id, who, ProposalEventType.REPRICED, ProposalState.EXPIRED, ProposalState.PROPOSED, detail);
            return true;
        }, "re-price proposal " + id);
    }

    /** Why a leg ended without an order. */
    public record LegEnd(OrderEnd reason, String detail) {
        public LegEnd {
            java.util.Objects.requireNonNull(reason, "reason");
        }

        public String describe() {
            return reason.describe(detail);
        }
    }

    /**
     * The trader withdraws an APPROVED proposal before anything was sent: it becomes CANCELLED with the
     * request stored. False if it is no longer APPROVED (the daemon may have just sent it).
     */
    public boolean cancelBeforeSending(String id, CancelRequest request) {
        return jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE proposal SET state = ?, approval_expires_at = NULL, cancel_requested_at = ?, "
                    + "cancel_requested_by = ?, cancel_requested_host = ?, cancel_reason = ?, updated_at = ? "
                    + "WHERE id = ? AND state = ?", ProposalState.CANCELLED, request.requestedAt(), request.who().name(),
                    request.who().host(), truncate(request.reason(), 1000), clock.instant(), id, ProposalState.APPROVED);
            if (n != 1) {
                return false;
            }
            event(c, id, request.who(), ProposalEventType.CANCELLED, ProposalState.APPROVED, ProposalState.CANCELLED,
                    "cancelled by " + request.describe() + "; nothing had been sent");
            return true;
        }, "cancel proposal " + id);
    }

    /**
     * The trader withdraws a SUBMITTED proposal: the request is stored for the daemon, which cancels the
     * working orders. False if it is not SUBMITTED or a cancel was already requested.
     */
    public boolean requestCancel(String id, CancelRequest request) {
        return jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE proposal SET cancel_requested_at = ?, cancel_requested_by = ?, "
                    + "cancel_requested_host = ?, cancel_reason = ?, updated_at = ? WHERE id = ? AND state = ? "
                    + "AND cancel_requested_at IS NULL", request.requestedAt(), request.who().name(), request.who().host(),
                    truncate(request.reason(), 1000), clock.instant(), id, ProposalState.SUBMITTED);
            if (n != 1) {
                return false;
            }
            event(c, id, request.who(), ProposalEventType.CANCEL_REQUESTED, null, null, "by " + request.describe());
            return true;
        }, "request the cancel of proposal " + id);
    }

    public Optional<CancelRequest> cancelRequest(String id) {
        return jdbc.query("SELECT cancel_requested_at, cancel_requested_by, cancel_requested_host, cancel_reason "
                + "FROM proposal WHERE id = ? AND cancel_requested_at IS NOT NULL", rs -> new CancelRequest(
                        Jdbc.instant(rs, "cancel_requested_at"), new Actor(rs.getString(2), rs.getString(3)),
                        rs.getString(4)), id).stream().findFirst();
    }

    /** Records why a leg ended without an order; the first reason stays. False if it had one already. */
    public boolean endLeg(String proposalId, String legId, LegEnd end, Actor who) {
        return jdbc.inTransaction(c -> {
            int n = endLeg(c, proposalId, legId, end);
            if (n == 1) {
                event(c, proposalId, who, ProposalEventType.LEG_ENDED, null, null, legId + ": " + end.describe());
            }
            return n == 1;
        }, "end leg " + legId);
    }

    /**
     * The daemon cannot trade an APPROVED proposal at all (a leg's contract is not listed): FAILED, with
     * each leg's reason, in one transaction. False if it is no longer APPROVED.
     */
    public boolean failBeforeSending(String id, Map<String, LegEnd> legEnds, Actor who, String detail) {
        return jdbc.inTransaction(c -> {
            int n = Jdbc.update(c, "UPDATE proposal SET state = ?, approval_expires_at = NULL, updated_at = ? "
                    + "WHERE id = ? AND state = ?", ProposalState.FAILED, clock.instant(), id, ProposalState.APPROVED);
            if (n != 1) {
                return false;
            }
            for (Map.Entry<String, LegEnd> e : legEnds.entrySet()) {
                endLeg(c, id, e.getKey(), e.getValue());
            }
            event(c, id, who, ProposalEventType.FAILED, ProposalState.APPROVED, ProposalState.FAILED, detail);
            return true;
        }, "fail proposal " + id);
    }

    /** Legs of the proposal that ended without an order, by leg id. */
    public Map<String, LegEnd> legEnds(String proposalId) {
        Map<String, LegEnd> out = new LinkedHashMap<>();
        jdbc.query("SELECT leg_id, end_reason, end_detail FROM proposal_leg WHERE proposal_id = ? "
                + "AND end_reason IS NOT NULL ORDER BY leg_no", rs -> Map.entry(rs.getString(1),
                        new LegEnd(OrderEnd.valueOf(rs.getString(2)), rs.getString(3))), proposalId)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static int endLeg(Connection c, String proposalId, String legId, LegEnd end) throws SQLException {
        return Jdbc.update(c, "UPDATE proposal_leg SET end_reason = ?, end_detail = ? WHERE proposal_id = ? "
                + "AND leg_id = ? AND end_reason IS NULL", end.reason(), truncate(end.detail(), 1000), proposalId, legId);
    }

    /** An event that is not a transition (a gate refusal, a dry run, a note). */
    public void note(String id, Actor who, ProposalEventType type, String detail) {
        if (type.isTransition()) {
            throw new IllegalArgumentException(type + " is a transition: it is recorded with the state it reaches");
        }
        jdbc.inTransaction(c -> {
            event(c, id, who, type, null, null, detail);
            return null;
        }, "record " + type + " for proposal " + id);
    }

    /**
     * Records the event unless the proposal's last event is this very one (same type and detail), so a condition
     * that repeats on every pass is one event; true when it was recorded.
     */
    public boolean noteOnce(String id, Actor who, ProposalEventType type, String detail) {
        Optional<Event> last = lastEvent(id);
        if (last.isPresent() && last.get().type() == type && detail.equals(last.get().detail())) {
            return false;
        }
        note(id, who, type, detail);
        return true;
    }

    public List<Event> events(String id) {
        return jdbc.query("SELECT * FROM proposal_event WHERE proposal_id = ? ORDER BY id", ProposalStore::eventRow, id);
    }

    public Optional<Event> lastEvent(String id) {
        List<Event> all = events(id);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private void event(Connection c, String id, Actor who, ProposalEventType type, ProposalState from,
            ProposalState to, String detail) throws SQLException {
        Jdbc.update(c, "INSERT INTO proposal_event (proposal_id, occurred_at, actor, host, event_type, from_state, "
                + "to_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, clock.instant(), who.name(), who.host(), type,
                from, to, truncate(detail));
    }

    private static void insertLeg(Connection c, String proposalId, int no, ProposalLeg l) throws SQLException {
        Contract k = l.contract();
        Jdbc.update(c, "INSERT INTO proposal_leg (leg_id, proposal_id, leg_no, con_id, symbol, sec_type, expiry, strike, "
                + "opt_right, multiplier, exchange, primary_exchange, currency, local_symbol, trading_class, side, "
                + "quantity, limit_price, worst_price, bound_low, bound_high, intent) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", l.legId(), proposalId, no,
                k.conId(), k.symbol(), k.securityType(), k.expiry(), k.strike(), k.right(), k.multiplier(),
                k.exchange(), k.primaryExchange(), k.currency(), k.localSymbol(), k.tradingClass(), l.side(),
                l.quantity(), l.limitPrice(), l.worstPrice(), l.bounds().low(), l.bounds().high(), l.intent());
    }

    /** The proposal row without its legs (a Proposal must have legs). */
    private record Header(String id, ProposalState state, String strategy, String rationale, Map<String, String> metrics,
            Instant createdAt, String createdBy, Instant approvalExpiresAt) {
    }

    private Header proposalHeader(ResultSet rs) throws SQLException {
        return new Header(rs.getString("id"), ProposalState.valueOf(rs.getString("state")), rs.getString("strategy"),
                rs.getString("rationale"), decodeMetrics(rs.getString("metrics")), Jdbc.instant(rs, "created_at"),
                rs.getString("created_by"), Jdbc.instant(rs, "approval_expires_at"));
    }

    private Proposal withLegs(Header header) {
        List<ProposalLeg> legs = jdbc.query("SELECT * FROM proposal_leg WHERE proposal_id = ? ORDER BY leg_no",
                ProposalStore::legRow, header.id());
        return new Proposal(header.id(), header.state(), header.strategy(), header.rationale(), header.metrics(), legs,
                header.createdAt(), header.createdBy(), header.approvalExpiresAt());
    }

    static ProposalLeg legRow(ResultSet rs) throws SQLException {
        Date expiry = rs.getDate("expiry");
        String right = rs.getString("opt_right");
        Contract contract = new Contract(rs.getLong("con_id"), rs.getString("symbol"),
                SecurityType.valueOf(rs.getString("sec_type")), expiry == null ? null : expiry.toLocalDate(),
                rs.getBigDecimal("strike"), right == null ? null : OptionRight.valueOf(right), rs.getInt("multiplier"),
                rs.getString("exchange"), rs.getString("primary_exchange"), rs.getString("currency"),
                rs.getString("local_symbol"), rs.getString("trading_class"));
        return new ProposalLeg(rs.getString("leg_id"), contract, OrderSide.valueOf(rs.getString("side")),
                rs.getInt("quantity"), rs.getBigDecimal("limit_price").stripTrailingZeros(),
                rs.getBigDecimal("worst_price").stripTrailingZeros(),
                new PriceBounds(rs.getBigDecimal("bound_low").stripTrailingZeros(),
                        rs.getBigDecimal("bound_high").stripTrailingZeros()),
                LegIntent.valueOf(rs.getString("intent")));
    }

    private static Event eventRow(ResultSet rs) throws SQLException {
        String from = rs.getString("from_state");
        String to = rs.getString("to_state");
        return new Event(rs.getLong("id"), rs.getString("proposal_id"), Jdbc.instant(rs, "occurred_at"),
                rs.getString("actor"), rs.getString("host"), ProposalEventType.valueOf(rs.getString("event_type")),
                from == null ? null : ProposalState.valueOf(from), to == null ? null : ProposalState.valueOf(to),
                rs.getString("detail"));
    }

    static String encodeMetrics(Map<String, String> metrics) {
        return metrics.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace('\n', ' '))
                .collect(Collectors.joining("\n"));
    }

    static Map<String, String> decodeMetrics(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return m;
    }

    private static String truncate(String s) {
        return truncate(s, 4000);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
