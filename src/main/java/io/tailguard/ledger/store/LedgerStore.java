package io.tailguard.ledger.store;

import io.tailguard.store.Jdbc;
import io.tailguard.ledger.CyclePnl;
import io.tailguard.ledger.EntryType;
import io.tailguard.ledger.HedgeCycle;
import io.tailguard.ledger.Instrument;
import io.tailguard.ledger.LedgerEntry;
import io.tailguard.ledger.PnlBucket;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * JDBC for the ledger's own tables: cycles, the proposals attached to them, their append-only entries and daily
 * marks. Entries are only ever inserted. The fills come from the orders side through
 * {@link io.tailguard.ledger.ProposalFills}; nothing here reads the orders tables.
 */
public final class LedgerStore {
    private final Jdbc jdbc;
    private final Clock clock;

    public LedgerStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** A stored daily mark of an open cycle. */
    public record Mark(String cycleId, LocalDate date, BigDecimal underlyingPrice, BigDecimal underlying,
            BigDecimal puts, BigDecimal calls, BigDecimal commissions, BigDecimal net, BigDecimal unhedged,
            String prices) {
    }

    /** Inserts the cycle and its start entry; false if a cycle with this id exists (the roll was retried). */
    public boolean insertCycle(HedgeCycle c, LedgerEntry start) {
        return jdbc.inTransaction(conn -> {
            if (!Jdbc.query(conn, "SELECT id FROM hedge_cycle WHERE id = ?", rs -> 1, c.id()).isEmpty()) {
                return false;
            }
            Jdbc.update(conn, "INSERT INTO hedge_cycle (id, underlying, expiry, opened_at, shares_start, price_start, "
                    + "state, index_start, underlying_at_execution, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(),
                    c.underlying(), c.expiry(), c.openedAt(), c.sharesStart(), c.priceStart(), c.state(),
                    c.indexStart(), c.underlyingAtExecution(), c.demo());
            insertEntry(conn, start);
            return true;
        }, "open cycle " + c.id());
    }

    /**
     * Copies a closed cycle booked elsewhere (the demo's own database) with its entries exactly as they were
     * booked, in their order, in one transaction. The entries get this database's ids; a reversal points to
     * the copy of the entry it reverses. False, and nothing written, if a cycle with this id exists.
     */
    public boolean insertClosedCycle(HedgeCycle c, List<LedgerEntry> entries) {
        if (c.isOpen()) {
            throw new IllegalArgumentException("cycle " + c.id() + " is open: only a closed cycle is copied");
        }
        for (LedgerEntry e : entries) {
            if (!e.cycleId().equals(c.id())) {
                throw new IllegalArgumentException("entry " + e.id() + " belongs to cycle " + e.cycleId() + ", not "
                        + c.id());
            }
        }
        return jdbc.inTransaction(conn -> {
            if (!Jdbc.query(conn, "SELECT id FROM hedge_cycle WHERE id = ?", rs -> 1, c.id()).isEmpty()) {
                return false;
            }
            Jdbc.update(conn, "INSERT INTO hedge_cycle (id, underlying, expiry, opened_at, shares_start, price_start, "
                    + "state, shares_end, price_end, closed_at, index_start, underlying_at_execution, demo) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.underlying(), c.expiry(),
                    c.openedAt(), c.sharesStart(), c.priceStart(), c.state(), c.sharesEnd(), c.priceEnd(),
                    c.closedAt(), c.indexStart(), c.underlyingAtExecution(), c.demo());
            Map<Long, Long> copied = new HashMap<>();
            for (LedgerEntry e : entries.stream().sorted(Comparator.comparingLong(LedgerEntry::id))
                    .toList()) {
                Long reverses = null;
                if (e.reversesId() != null) {
                    reverses = copied.get(e.reversesId());
                    if (reverses == null) {
                        throw new IllegalArgumentException("entry " + e.id() + " reverses " + e.reversesId()
                                + ", which is not among the entries copied");
                    }
                }
                copied.put(e.id(), insertEntry(conn, new LedgerEntry(0, e.cycleId(), e.type(), e.bucket(),
                        e.sourceRef(), e.execIdBase(), e.instrument(), e.quantity(), e.price(), e.amount(),
                        e.occurredAt(), reverses, e.note())));
            }
            return true;
        }, "copy cycle " + c.id());
    }

    public void attachProposal(String cycleId, String proposalId) {
        jdbc.inTransaction(conn -> {
            if (Jdbc.query(conn, "SELECT 1 FROM hedge_cycle_proposal WHERE cycle_id = ? AND proposal_id = ?",
                    rs -> 1, cycleId, proposalId).isEmpty()) {
                Jdbc.update(conn, "INSERT INTO hedge_cycle_proposal (cycle_id, proposal_id) VALUES (?, ?)", cycleId,
                        proposalId);
            }
            return null;
        }, "attach proposal " + proposalId + " to cycle " + cycleId);
    }

    public List<String> proposals(String cycleId) {
        return jdbc.query("SELECT proposal_id FROM hedge_cycle_proposal WHERE cycle_id = ? ORDER BY proposal_id",
                rs -> rs.getString(1), cycleId);
    }

    /** The cycle a proposal is attached to (its first, by id, should it be attached to several). */
    public Optional<String> cycleOf(String proposalId) {
        return jdbc.query("SELECT cycle_id FROM hedge_cycle_proposal WHERE proposal_id = ? ORDER BY cycle_id",
                rs -> rs.getString(1), proposalId).stream().findFirst();
    }

    public Optional<HedgeCycle> cycle(String id) {
        return jdbc.query("SELECT * FROM hedge_cycle WHERE id = ?", LedgerStore::cycleRow, id).stream().findFirst();
    }

    /** Every cycle, oldest first. */
    public List<HedgeCycle> cycles() {
        return jdbc.query("SELECT * FROM hedge_cycle ORDER BY opened_at, id", LedgerStore::cycleRow);
    }

    public List<HedgeCycle> openCycles() {
        return jdbc.query("SELECT * FROM hedge_cycle WHERE state = 'OPEN' ORDER BY opened_at, id",
                LedgerStore::cycleRow);
    }

    public void closeCycle(HedgeCycle closed) {
        int n = jdbc.update("UPDATE hedge_cycle SET state = 'CLOSED', shares_end = ?, price_end = ?, closed_at = ? "
                + "WHERE id = ? AND state = 'OPEN'", closed.sharesEnd(), closed.priceEnd(), closed.closedAt(),
                closed.id());
        if (n != 1) {
            throw new IllegalStateException("cycle " + closed.id() + " is not open");
        }
    }

    public List<LedgerEntry> entries(String cycleId) {
        return jdbc.query("SELECT * FROM ledger_entry WHERE cycle_id = ? ORDER BY id", LedgerStore::entryRow,
                cycleId);
    }

    /**
     * Appends entries computed against {@code expectedCount} booked entries; if another writer booked in
     * between, nothing is written and false is returned so the caller books again from the fresh list.
     */
    public boolean append(String cycleId, int expectedCount, List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return true;
        }
        return jdbc.inTransaction(conn -> {
            // lock the cycle row: bookings of one cycle are serialised
            Jdbc.update(conn, "UPDATE hedge_cycle SET id = id WHERE id = ?", cycleId);
            long count = Jdbc.query(conn, "SELECT COUNT(*) FROM ledger_entry WHERE cycle_id = ?",
                    rs -> rs.getLong(1), cycleId).get(0);
            if (count != expectedCount) {
                return false;
            }
            Long previous = null;
            for (LedgerEntry e : entries) {
                long id = insertEntry(conn, e);
                previous = id;
            }
            return previous != null;
        }, "book " + entries.size() + " entries for cycle " + cycleId);
    }

    private long insertEntry(Connection conn, LedgerEntry e) throws SQLException {
        Jdbc.update(conn, "INSERT INTO ledger_entry (cycle_id, entry_type, bucket, source_ref, exec_id_base, "
                + "instrument, multiplier, quantity, price, amount, occurred_at, recorded_at, reverses_id, note) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.cycleId(), e.type(), e.bucket(),
                e.sourceRef(), e.execIdBase(), e.instrument().key(), e.instrument().multiplier(), e.quantity(),
                e.price(), e.amount(), e.occurredAt(), clock.instant(), e.reversesId(), e.note());
        return Jdbc.query(conn, "SELECT MAX(id) FROM ledger_entry WHERE cycle_id = ?", rs -> rs.getLong(1),
                e.cycleId()).get(0);
    }

    /** Stores the day's mark of an open cycle, replacing an earlier mark of the same day. */
    public void saveMark(String cycleId, LocalDate date, CyclePnl pnl, String prices) {
        jdbc.inTransaction(conn -> {
            Jdbc.update(conn, "DELETE FROM cycle_mark WHERE cycle_id = ? AND mark_date = ?", cycleId, date);
            Jdbc.update(conn, "INSERT INTO cycle_mark (cycle_id, mark_date, underlying_price, underlying_pnl, puts_pnl, "
                    + "calls_pnl, commissions, net_pnl, unhedged_pnl, prices, marked_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cycleId, date, pnl.endPrice(), pnl.underlying(),
                    pnl.puts(), pnl.calls(), pnl.commissions(), pnl.net(), pnl.unhedged(), prices, clock.instant());
            return null;
        }, "mark cycle " + cycleId);
    }

    public List<Mark> marks(String cycleId) {
        return jdbc.query("SELECT * FROM cycle_mark WHERE cycle_id = ? ORDER BY mark_date", rs -> new Mark(
                rs.getString("cycle_id"), rs.getDate("mark_date").toLocalDate(), rs.getBigDecimal("underlying_price"),
                rs.getBigDecimal("underlying_pnl"), rs.getBigDecimal("puts_pnl"), rs.getBigDecimal("calls_pnl"),
                rs.getBigDecimal("commissions"), rs.getBigDecimal("net_pnl"), rs.getBigDecimal("unhedged_pnl"),
                rs.getString("prices")), cycleId);
    }

    private static HedgeCycle cycleRow(ResultSet rs) throws SQLException {
        return new HedgeCycle(rs.getString("id"), rs.getString("underlying"), rs.getDate("expiry").toLocalDate(),
                Jdbc.instant(rs, "opened_at"), rs.getBigDecimal("shares_start"), rs.getBigDecimal("price_start"),
                HedgeCycle.CycleState.valueOf(rs.getString("state")), rs.getBigDecimal("shares_end"),
                rs.getBigDecimal("price_end"), Jdbc.instant(rs, "closed_at"), rs.getBigDecimal("index_start"),
                rs.getBigDecimal("underlying_at_execution"), rs.getBoolean("demo"));
    }

    private static LedgerEntry entryRow(ResultSet rs) throws SQLException {
        long reverses = rs.getLong("reverses_id");
        Long reversesId = rs.wasNull() ? null : reverses;
        return new LedgerEntry(rs.getLong("id"), rs.getString("cycle_id"), EntryType.valueOf(rs.getString("entry_type")),
                PnlBucket.valueOf(rs.getString("bucket")), rs.getString("source_ref"), rs.getString("exec_id_base"),
                Instrument.parse(rs.getString("instrument"), rs.getInt("multiplier")), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("price"), rs.getBigDecimal("amount"), Jdbc.instant(rs, "occurred_at"), reversesId,
                rs.getString("note"));
    }
}
